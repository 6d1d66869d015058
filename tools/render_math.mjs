// Render TeX to HTML with KaTeX, for tools/math_hook.py (math is rendered at
// build time, so a page shows its formulas before, or without, any script).
//
//   stdin:  JSON [{"tex": "\\sqrt{2}", "display": false}, ...]
//   stdout: JSON ["<span class=\"katex\">…</span>", ...]
//
// A formula KaTeX cannot parse fails the build, naming the formula.
import katex from "katex";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = JSON.parse(input).map(({ tex, display }) => {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" });
  } catch (error) {
    process.stderr.write(`[build] KaTeX cannot render ${JSON.stringify(tex)}: ${error.message}\n`);
    process.exit(1);
  }
});
process.stdout.write(JSON.stringify(out));
