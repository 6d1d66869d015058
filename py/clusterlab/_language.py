"""The words clusterlab shows a learner, in English, Norwegian bokmål and Indonesian.

Buttons and captions of step players, printed tables, the checks' feedback
and figures' default labels, default titles and screen-reader descriptions
are looked up here, in the language set with :func:`clusterlab.set_language`
(English by default).  Numbers meant for reading (figures' ticks, labels
and descriptions, printed tables, captions) take the language's decimal
mark, 0,5 in Norwegian and Indonesian (:func:`readable`); what Python itself
prints, ``print(0.5)``, stays 0.5, and error messages stay English, like
Python's own.  Norwegian follows the NTNU lecture (klynge,
sentroide, tilordne, kryssplott, varmekart), Indonesian the tutorial
(klaster, centroid, iterasi), as the course's translated pages do.

>>> set_language("nb")
>>> say("player.next")
'Neste ▶'
>>> say("player.step", step=2, steps=5)
'Trinn 2 av 5'
>>> set_language("en")
>>> say("player.step", step=2, steps=5)
'Step 2 of 5'
>>> set_language("fr")
Traceback (most recent call last):
...
ValueError: clusterlab has no words in language 'fr'; choose one of 'en' (English), 'nb' (norsk bokmål), 'id' (Bahasa Indonesia).
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["DEFAULT", "LANGUAGES", "WORDS", "Said", "coordinates", "get_language", "readable", "say", "say_count",
           "set_language", "speaking"]

#: Each language's own name, English (the default) first.
LANGUAGES = {"en": "English", "nb": "norsk bokmål", "id": "Bahasa Indonesia"}
DEFAULT = "en"

# fmt: off
#: Per language, key -> text with ``{fields}`` (``str.format``).  Every
#: language has every key, with the same fields (tests/test_language.py).
WORDS = {
    "en": {
        # player.py: the step player
        "player.name": "Step player",
        "player.previous": "◀ Previous",
        "player.next": "Next ▶",
        "player.slider": "Step",
        "player.step": "Step {step} of {steps}",  # as web/words.json's player.step
        # player.py: K-means frames
        "kmeans.start": "Start",
        "kmeans.start_caption": "Start: {k} initial centroids, {where}.",
        "kmeans.start_caption_one": "Start: 1 initial centroid, {where}.",
        "kmeans.at": "C{j} at ({coords})",
        "kmeans.assign_title": "Iteration {it}: assign",
        "kmeans.assign_caption": "Iteration {it}, assign: {sets}; {moved}.",
        "kmeans.update_title": "Iteration {it}: update",
        "kmeans.update_caption": "Iteration {it}, update: {how}: {where}.",
        "kmeans.update_how": "each centroid moves to the mean of its cluster",
        "kmeans.first": "every point is placed for the first time",
        "kmeans.none_moved": "no point changed cluster, so K-means stops",
        "kmeans.one_moved": "1 point changed cluster ({who})",
        "kmeans.many_moved": "{count} points changed cluster ({who})",
        # player.py: merge frames
        "merge.start": "Start",
        "merge.start_caption": "Start: each of the {n} points is its own cluster "
                               "(grey, \"alone\" in the legend: not merged yet).",
        "merge.alone": "alone",
        "merge.title": "Step {step}",
        "merge.caption_one": "Step {step}: {left} and {right} merge at {height}; 1 cluster: {listed}.",
        "merge.caption_many": "Step {step}: {left} and {right} merge at {height}; {count} clusters: {listed}.",
        # kmeans.py: Step.table
        "table.obs": "obs",
        "table.cluster": "cluster",
        "table.moved": "moved",
        "table.iteration": "iteration {it}: {centroids}",
        "table.inertia": "inertia = {inertia}",
        # hierarchy.py: MergeStep.to_text
        "steps.merge": "step {step}: merge {left} and {right} at {height} -> {name}",
        # plot: default labels
        "plot.cluster": "cluster",
        "plot.height": "height",
        "plot.one_cluster": "1 cluster",
        "plot.clusters": "{k} clusters",
        "plot.cut_at": "cut at {cut}",
        "plot.more": "\u2026 {count} more",
        # plot: default titles and descriptions (<title>, <desc>) for screen readers
        "plot.title.scatter": "Scatter plot",
        "plot.title.scatter_clusters": "Scatter plot of clusters",
        "plot.title.scatter_matrix": "Scatter matrix",
        "plot.title.dendrogram": "Dendrogram",
        "plot.title.heatmap": "Heat map",
        "plot.title.swatches": "Colour palette",
        "plot.title.line": "Line plot",
        "plot.title.image": "Image",
        "plot.title.grid": "Figures",
        "plot.desc.scatter_one": "Scatter plot of 1 point",
        "plot.desc.scatter_many": "Scatter plot of {n} points",
        "plot.desc.scatter_line": " on a line, from {low} to {high}",
        "plot.desc.scatter_ranges": "; {x} from {x_low} to {x_high}, {y} from {y_low} to {y_high}",
        "plot.desc.scatter_clusters": ". {k} clusters, {counts}",
        "plot.desc.scatter_clusters_one": ". 1 cluster, {counts}",
        "plot.desc.and_more": ", and {count} more",
        "plot.desc.centres": ". {k} cluster centres marked with crosses",
        "plot.desc.centres_one": ". 1 cluster centre marked with a cross",
        "plot.desc.shape_0": "circles",
        "plot.desc.shape_1": "squares",
        "plot.desc.shape_2": "triangles",
        "plot.desc.shape_3": "diamonds",
        "plot.desc.shape_4": "inverted triangles",
        "plot.desc.scatter_matrix": "Scatter matrix of {n} points and {p} features ({names}): each off-diagonal "
                                    "panel plots one feature against another, the diagonal shows a histogram "
                                    "of each feature",
        "plot.desc.scatter_matrix_one": "Scatter matrix of 1 point and {p} features ({names}): each off-diagonal "
                                        "panel plots one feature against another, the diagonal shows a "
                                        "histogram of each feature",
        "plot.desc.matrix_clusters": "; points coloured by cluster ({k} clusters)",
        "plot.desc.matrix_clusters_one": "; points coloured by cluster (1 cluster)",
        "plot.desc.matrix_colours": "; each point drawn in its own colour on a grey background",
        "plot.desc.matrix_images": "; points are drawn as images",
        "plot.desc.dendrogram": "Dendrogram of {n} leaves joined by {merges} merges, highest merge at height {height}.",
        "plot.desc.dendrogram_one": "Dendrogram of {n} leaves joined by 1 merge, at height {height}.",
        "plot.desc.leaves_across": " Leaves from left to right: {leaves}.",
        "plot.desc.leaves_down": " Leaves from top to bottom: {leaves}.",
        "plot.desc.dendrogram_cut": " Cutting at height {cut} gives {k} clusters.",
        "plot.desc.dendrogram_cut_one": " Cutting at height {cut} gives 1 cluster.",
        "plot.desc.dendrogram_coloured": " Coloured as {k} clusters below height {height}.",
        "plot.desc.dendrogram_coloured_one": " Coloured as 1 cluster below height {height}.",
        "plot.desc.heatmap": "Heat map of a {rows} by {columns} matrix, values from {low} (light) to {high} (dark)",
        "plot.desc.heatmap_written": ", written in the cells",
        "plot.desc.heatmap_cell": "row {row}, column {column} ({value})",
        "plot.desc.highlighted": ". Highlighted: {cells}",
        "plot.desc.swatches": "{k} colour swatches: {colours}.",
        "plot.desc.swatches_one": "1 colour swatch: {colours}.",
        "plot.desc.swatch_share": "{colour} ({share} % of pixels)",
        "plot.desc.line": "Line plot of {m} points",
        "plot.desc.line_one": "Line plot of 1 point",
        "plot.desc.line_axes": " ({y} against {x})",
        "plot.desc.line_values": ". Values {pairs}",
        "plot.desc.line_marked": ". Marked: {x} = {value}",
        "plot.desc.image_grey": "A greyscale image of {width} by {height} pixels.",
        "plot.desc.image_colour": "A colour image of {width} by {height} pixels.",
        "plot.desc.grid": "{count} figures side by side: {figures}.",
        "plot.desc.grid_one": "One figure: {figures}.",
        "plot.repr": "<Figure {kind} {width}x{height}, {kb} kB SVG: display it, or fig.save('name.svg')>",
        # checks.py
        "check.right": "✓ Right: {text}",
        "check.not_yet": "✗ Not yet: {text}",
        "check.cases": "{name}: {right} of {total} cases right",
        "check.all_right_one": "All right: your {name} agrees with clusterlab on every case.",
        "check.all_right_many": "All right: your {names} and {last} agree with clusterlab on every case.",
        "check.fix_first": "Not yet: fix the first ✗ above and run this cell again.",
        "check.your_update": "your update moves the centroids",
        "check.stopped": " Stopped after {max_iter} iterations: the clusters were still changing.",
        "check.assign_case_0": "the lecture's points a-e, centroids a and d",
        "check.assign_case_1": "the ten points A-J, centroids C, G and I",
        "check.assign_case_2": "one variable: ten cities' density, centroids 244 and 777",
        "check.assign_case_3": "ties: the point 2 is halfway between centroids 1 and 3, the point 4 between 3 and 5",
        "check.assign_case_4": "a centroid that no point is nearest to",
        "check.update_case_0": "the lecture's points a-e in two clusters",
        "check.update_case_1": "the ten points A-J after the first assignment",
        "check.update_case_2": "one variable: ten cities' density",
        "check.update_case_3": "labels in any order, a cluster of one point",
        "check.update_case_4": "an empty cluster: no point has label 1",
        "check.raised": "{name} raised {error}: {exc}",
        "check.changed_input": "{name} changed the lists it was given; build new lists for the result instead of writing into points, centroids or labels.",
        "check.returned_none": "{name} returned None: did you forget `return` at the end?",
        "check.not_a_list": "{name} should return a list of {what}, got {kind} {value}.",
        "check.what_labels": "labels, one per point",
        "check.what_centroids": "{k} centroids",
        "check.label_count": "assign returned {got} labels for {n} points; give one label per point.",
        "check.label_type": "labels[{i}] is {value} ({kind}); a label is the number of a centroid, a whole number from 0 to {last}.",
        "check.label_range": "labels[{i}] is {value}, but there are {k} centroids, numbered 0 to {last}.",
        "check.one_too_high": " Your labels look one too high: Python counts from 0, so the first centroid is 0.",
        "check.one_more_wrong": " (1 more point also got a wrong label.)",
        "check.more_wrong": " ({count} more points also got a wrong label.)",
        "check.tie": "labels[{i}] is {got}, but observation {i} at {point} is as close to centroid {want} as to centroid {got} (distance {d}); on a tie take the lower number, {want} (keep the first smallest distance: compare with <, not <=).",
        "check.closer": "labels[{i}] is {got}, but observation {i} at {point} is closer to centroid {want} (distance {d_want}) than to centroid {got} ({d_got}).",
        "check.farthest": " Every point went to its farthest centroid: take the smallest distance (min), not the largest.",
        "check.centroid_count": "update returned {got} centroids but k is {k}; return one centroid per cluster, also for an empty one.",
        "check.centroid_type": "centroid {j} is {value}; a centroid is a list with one number per variable ({p}).",
        "check.centroid_length": "centroid {j} has {got} numbers but the points have {p} variables.",
        "check.centroid_finite": "centroid {j} is {value}; every coordinate must be a finite number.",
        "check.empty": " Cluster {j} has no point, so it has no mean: give its centroid a place anyway, for example the point farthest from its own cluster's mean (clusterlab and scikit-learn move it to a far-away observation).",
        "check.not_mean": "centroid {j} should be the mean of observations {members}, {want}, but update gave {got}.",
        "check.hint_sum": " That is their sum: divide by the number of points, {m}.",
        "check.hint_point": " That is observation {i} itself; the centroid is the mean of all {m} points of the cluster.",
        "check.hint_all": " That is the mean of all points: use only the points with this label.",
        "check.hint_divisor": " That is the sum divided by {wrong}; the cluster has {m} points.",
        "check.hint_floor": " That is rounded down: divide with /, not //.",
    },
    "nb": {
        "player.name": "Trinnvis visning",
        "player.previous": "◀ Forrige",
        "player.next": "Neste ▶",
        "player.slider": "Trinn",
        "player.step": "Trinn {step} av {steps}",
        "kmeans.start": "Start",
        "kmeans.start_caption": "Start: {k} startsentroider, {where}.",
        "kmeans.start_caption_one": "Start: 1 startsentroide, {where}.",
        "kmeans.at": "C{j} i ({coords})",
        "kmeans.assign_title": "Iterasjon {it}: tilordne",
        "kmeans.assign_caption": "Iterasjon {it}, tilordne: {sets}; {moved}.",
        "kmeans.update_title": "Iterasjon {it}: oppdatere",
        "kmeans.update_caption": "Iterasjon {it}, oppdatere: {how}: {where}.",
        "kmeans.update_how": "hver sentroide flyttes til gjennomsnittet av klyngen sin",
        "kmeans.first": "hvert punkt tilordnes for første gang",
        "kmeans.none_moved": "ingen punkter byttet klynge, så K-gjennomsnitt stopper",
        "kmeans.one_moved": "1 punkt byttet klynge ({who})",
        "kmeans.many_moved": "{count} punkter byttet klynge ({who})",
        "merge.start": "Start",
        "merge.start_caption": "Start: hvert av de {n} punktene er sin egen klynge "
                               "(grå, «alene» i tegnforklaringen: ikke slått sammen ennå).",
        "merge.alone": "alene",
        "merge.title": "Trinn {step}",
        "merge.caption_one": "Trinn {step}: {left} og {right} slås sammen i høyde {height}; 1 klynge: {listed}.",
        "merge.caption_many": "Trinn {step}: {left} og {right} slås sammen i høyde {height}; "
                              "{count} klynger: {listed}.",
        "table.obs": "obs",
        "table.cluster": "klynge",
        "table.moved": "flyttet",
        "table.iteration": "iterasjon {it}: {centroids}",
        "table.inertia": "inertia = {inertia}",
        "steps.merge": "trinn {step}: slå sammen {left} og {right} i høyde {height} -> {name}",
        "plot.cluster": "klynge",
        "plot.height": "høyde",
        "plot.one_cluster": "1 klynge",
        "plot.clusters": "{k} klynger",
        "plot.cut_at": "kutt i {cut}",
        "plot.more": "\u2026 {count} til",
        "plot.title.scatter": "Kryssplott",
        "plot.title.scatter_clusters": "Kryssplott av klynger",
        "plot.title.scatter_matrix": "Kryssplottmatrise",
        "plot.title.dendrogram": "Dendrogram",
        "plot.title.heatmap": "Varmekart",
        "plot.title.swatches": "Fargepalett",
        "plot.title.line": "Linjediagram",
        "plot.title.image": "Bilde",
        "plot.title.grid": "Figurer",
        "plot.desc.scatter_one": "Kryssplott av 1 punkt",
        "plot.desc.scatter_many": "Kryssplott av {n} punkter",
        "plot.desc.scatter_line": " på en linje, fra {low} til {high}",
        "plot.desc.scatter_ranges": "; {x} fra {x_low} til {x_high}, {y} fra {y_low} til {y_high}",
        "plot.desc.scatter_clusters": ". {k} klynger, {counts}",
        "plot.desc.scatter_clusters_one": ". 1 klynge, {counts}",
        "plot.desc.and_more": ", og {count} til",
        "plot.desc.centres": ". {k} klyngesentroider markert med kryss",
        "plot.desc.centres_one": ". 1 klyngesentroide markert med kryss",
        "plot.desc.shape_0": "sirkler",
        "plot.desc.shape_1": "kvadrater",
        "plot.desc.shape_2": "trekanter",
        "plot.desc.shape_3": "romber",
        "plot.desc.shape_4": "omvendte trekanter",
        "plot.desc.scatter_matrix": "Kryssplottmatrise av {n} punkter og {p} variabler ({names}): hvert panel "
                                    "utenfor diagonalen viser én variabel mot en annen, og på diagonalen står "
                                    "et histogram for hver variabel",
        "plot.desc.scatter_matrix_one": "Kryssplottmatrise av 1 punkt og {p} variabler ({names}): hvert panel "
                                        "utenfor diagonalen viser én variabel mot en annen, og på diagonalen "
                                        "står et histogram for hver variabel",
        "plot.desc.matrix_clusters": "; punktene er farget etter klynge ({k} klynger)",
        "plot.desc.matrix_clusters_one": "; punktene er farget etter klynge (1 klynge)",
        "plot.desc.matrix_colours": "; hvert punkt er tegnet i sin egen farge på grå bakgrunn",
        "plot.desc.matrix_images": "; punktene er tegnet som bilder",
        "plot.desc.dendrogram": "Dendrogram med {n} blader som slås sammen i {merges} trinn, høyeste "
                                "sammenslåing i høyde {height}.",
        "plot.desc.dendrogram_one": "Dendrogram med {n} blader som slås sammen i ett trinn, i høyde {height}.",
        "plot.desc.leaves_across": " Bladene fra venstre mot høyre: {leaves}.",
        "plot.desc.leaves_down": " Bladene ovenfra og ned: {leaves}.",
        "plot.desc.dendrogram_cut": " Kutt i høyde {cut} gir {k} klynger.",
        "plot.desc.dendrogram_cut_one": " Kutt i høyde {cut} gir 1 klynge.",
        "plot.desc.dendrogram_coloured": " Farget som {k} klynger under høyde {height}.",
        "plot.desc.dendrogram_coloured_one": " Farget som 1 klynge under høyde {height}.",
        "plot.desc.heatmap": "Varmekart over en {rows} × {columns}-matrise, verdier fra "
                             "{low} (lys) til {high} (mørk)",
        "plot.desc.heatmap_written": ", skrevet i cellene",
        "plot.desc.heatmap_cell": "rad {row}, kolonne {column} ({value})",
        "plot.desc.highlighted": ". Uthevet: {cells}",
        "plot.desc.swatches": "{k} fargeprøver: {colours}.",
        "plot.desc.swatches_one": "1 fargeprøve: {colours}.",
        "plot.desc.swatch_share": "{colour} ({share} % av pikslene)",
        "plot.desc.line": "Linjediagram med {m} punkter",
        "plot.desc.line_one": "Linjediagram med 1 punkt",
        "plot.desc.line_axes": " ({y} mot {x})",
        "plot.desc.line_values": ". Verdier {pairs}",
        "plot.desc.line_marked": ". Markert: {x} = {value}",
        "plot.desc.image_grey": "Et gråtonebilde på {width} ganger {height} piksler.",
        "plot.desc.image_colour": "Et fargebilde på {width} ganger {height} piksler.",
        "plot.desc.grid": "{count} figurer ved siden av hverandre: {figures}.",
        "plot.desc.grid_one": "Én figur: {figures}.",
        "plot.repr": "<Figure {kind} {width}x{height}, {kb} kB SVG: vis den, eller fig.save('navn.svg')>",
        "check.right": "✓ Riktig: {text}",
        "check.not_yet": "✗ Ikke ennå: {text}",
        "check.cases": "{name}: {right} av {total} tilfeller riktig",
        "check.all_right_one": "Alt riktig: {name} stemmer med clusterlab i alle tilfellene.",
        "check.all_right_many": "Alt riktig: {names} og {last} stemmer med clusterlab i alle tilfellene.",
        "check.fix_first": "Ikke ennå: rett opp det første ✗ over, og kjør denne cellen på nytt.",
        "check.your_update": "din update flytter sentroidene",
        "check.stopped": " Stoppet etter {max_iter} iterasjoner: klyngene endret seg fortsatt.",
        "check.assign_case_0": "forelesningens punkter a-e, sentroidene a og d",
        "check.assign_case_1": "de ti punktene A-J, sentroidene C, G og I",
        "check.assign_case_2": "én variabel: befolkningstettheten i ti byer, sentroidene 244 og 777",
        "check.assign_case_3": "uavgjort: punktet 2 ligger midt mellom sentroidene 1 og 3, punktet 4 mellom 3 og 5",
        "check.assign_case_4": "en sentroide som ingen punkter ligger nærmest",
        "check.update_case_0": "forelesningens punkter a-e i to klynger",
        "check.update_case_1": "de ti punktene A-J etter første tilordning",
        "check.update_case_2": "én variabel: befolkningstettheten i ti byer",
        "check.update_case_3": "klyngemerker i vilkårlig rekkefølge, en klynge med ett punkt",
        "check.update_case_4": "en tom klynge: ingen punkter har klyngemerke 1",
        "check.raised": "{name} ga feilen {error}: {exc}",
        "check.changed_input": "{name} endret listene den fikk; lag nye lister til resultatet i stedet for å skrive i points, centroids eller labels.",
        "check.returned_none": "{name} returnerte None: glemte du `return` på slutten?",
        "check.not_a_list": "{name} skal returnere en liste med {what}, men ga {kind} {value}.",
        "check.what_labels": "klyngemerker, ett per punkt",
        "check.what_centroids": "{k} sentroider",
        "check.label_count": "assign returnerte {got} klyngemerker for {n} punkter; gi ett klyngemerke per punkt.",
        "check.label_type": "labels[{i}] er {value} ({kind}); et klyngemerke er nummeret til en sentroide, et heltall fra 0 til {last}.",
        "check.label_range": "labels[{i}] er {value}, men det er {k} sentroider, nummerert 0 til {last}.",
        "check.one_too_high": " Klyngemerkene dine ser ut til å være én for høye: Python teller fra 0, så den første sentroiden er 0.",
        "check.one_more_wrong": " (1 punkt til fikk også feil klyngemerke.)",
        "check.more_wrong": " ({count} punkter til fikk også feil klyngemerke.)",
        "check.tie": "labels[{i}] er {got}, men observasjon {i} i {point} ligger like nær sentroide {want} som sentroide {got} (avstand {d}); ved uavgjort tar du det laveste nummeret, {want} (behold den første minste avstanden: sammenlign med <, ikke <=).",
        "check.closer": "labels[{i}] er {got}, men observasjon {i} i {point} ligger nærmere sentroide {want} (avstand {d_want}) enn sentroide {got} ({d_got}).",
        "check.farthest": " Hvert punkt havnet hos sin fjerneste sentroide: ta den minste avstanden (min), ikke den største.",
        "check.centroid_count": "update returnerte {got} sentroider, men k er {k}; returner én sentroide per klynge, også for en tom klynge.",
        "check.centroid_type": "sentroide {j} er {value}; en sentroide er en liste med ett tall per variabel ({p}).",
        "check.centroid_length": "sentroide {j} har {got} tall, men punktene har {p} variabler.",
        "check.centroid_finite": "sentroide {j} er {value}; hver koordinat må være et endelig tall.",
        "check.empty": " Klynge {j} har ingen punkter, så den har ikke noe gjennomsnitt: gi sentroiden en plass likevel, for eksempel punktet som ligger lengst fra gjennomsnittet av sin egen klynge (clusterlab og scikit-learn flytter den til en observasjon langt unna).",
        "check.not_mean": "sentroide {j} skal være gjennomsnittet av observasjonene {members}, {want}, men update ga {got}.",
        "check.hint_sum": " Det er summen deres: del på antall punkter, {m}.",
        "check.hint_point": " Det er observasjon {i} selv; sentroiden er gjennomsnittet av alle de {m} punktene i klyngen.",
        "check.hint_all": " Det er gjennomsnittet av alle punktene: bruk bare punktene med dette klyngemerket.",
        "check.hint_divisor": " Det er summen delt på {wrong}; klyngen har {m} punkter.",
        "check.hint_floor": " Det er rundet ned: del med /, ikke //.",
    },
    "id": {
        "player.name": "Pemutar langkah",
        "player.previous": "◀ Sebelumnya",
        "player.next": "Berikutnya ▶",
        "player.slider": "Langkah",
        "player.step": "Langkah {step} dari {steps}",
        "kmeans.start": "Awal",
        "kmeans.start_caption": "Awal: {k} centroid awal, {where}.",
        "kmeans.start_caption_one": "Awal: 1 centroid awal, {where}.",
        "kmeans.at": "C{j} di ({coords})",
        "kmeans.assign_title": "Iterasi {it}: tetapkan",
        "kmeans.assign_caption": "Iterasi {it}, tetapkan: {sets}; {moved}.",
        "kmeans.update_title": "Iterasi {it}: perbarui",
        "kmeans.update_caption": "Iterasi {it}, perbarui: {how}: {where}.",
        "kmeans.update_how": "setiap centroid pindah ke rata-rata klasternya",
        "kmeans.first": "setiap titik ditempatkan untuk pertama kali",
        "kmeans.none_moved": "tidak ada titik yang berpindah klaster, jadi K-means berhenti",
        "kmeans.one_moved": "1 titik berpindah klaster ({who})",
        "kmeans.many_moved": "{count} titik berpindah klaster ({who})",
        "merge.start": "Awal",
        "merge.start_caption": "Awal: setiap titik dari {n} titik adalah klasternya sendiri "
                               "(abu-abu, \"sendiri\" di legenda: belum digabung).",
        "merge.alone": "sendiri",
        "merge.title": "Langkah {step}",
        "merge.caption_one": "Langkah {step}: {left} dan {right} digabung pada tinggi {height}; "
                             "1 klaster: {listed}.",
        "merge.caption_many": "Langkah {step}: {left} dan {right} digabung pada tinggi {height}; "
                              "{count} klaster: {listed}.",
        "table.obs": "obs",
        "table.cluster": "klaster",
        "table.moved": "pindah",
        "table.iteration": "iterasi {it}: {centroids}",
        "table.inertia": "inersia = {inertia}",
        "steps.merge": "langkah {step}: gabungkan {left} dan {right} pada tinggi {height} -> {name}",
        "plot.cluster": "klaster",
        "plot.height": "tinggi",
        "plot.one_cluster": "1 klaster",
        "plot.clusters": "{k} klaster",
        "plot.cut_at": "potong di {cut}",
        "plot.more": "\u2026 {count} lagi",
        "plot.title.scatter": "Diagram pencar",
        "plot.title.scatter_clusters": "Diagram pencar klaster",
        "plot.title.scatter_matrix": "Matriks diagram pencar",
        "plot.title.dendrogram": "Dendrogram",
        "plot.title.heatmap": "Peta panas",
        "plot.title.swatches": "Palet warna",
        "plot.title.line": "Diagram garis",
        "plot.title.image": "Gambar",
        "plot.title.grid": "Kumpulan gambar",
        "plot.desc.scatter_one": "Diagram pencar dengan 1 titik",
        "plot.desc.scatter_many": "Diagram pencar dengan {n} titik",
        "plot.desc.scatter_line": " pada satu garis, dari {low} sampai {high}",
        "plot.desc.scatter_ranges": "; {x} dari {x_low} sampai {x_high}, {y} dari {y_low} sampai {y_high}",
        "plot.desc.scatter_clusters": ". {k} klaster, {counts}",
        "plot.desc.scatter_clusters_one": ". 1 klaster, {counts}",
        "plot.desc.and_more": ", dan {count} lagi",
        "plot.desc.centres": ". {k} centroid klaster ditandai dengan tanda silang",
        "plot.desc.centres_one": ". 1 centroid klaster ditandai dengan tanda silang",
        "plot.desc.shape_0": "lingkaran",
        "plot.desc.shape_1": "persegi",
        "plot.desc.shape_2": "segitiga",
        "plot.desc.shape_3": "belah ketupat",
        "plot.desc.shape_4": "segitiga terbalik",
        "plot.desc.scatter_matrix": "Matriks diagram pencar dengan {n} titik dan {p} variabel ({names}): setiap panel "
                                    "di luar diagonal menampilkan satu variabel terhadap variabel lain, dan "
                                    "diagonalnya berisi histogram setiap variabel",
        "plot.desc.scatter_matrix_one": "Matriks diagram pencar dengan 1 titik dan {p} variabel ({names}): setiap "
                                        "panel di luar diagonal menampilkan satu variabel terhadap variabel lain, "
                                        "dan diagonalnya berisi histogram setiap variabel",
        "plot.desc.matrix_clusters": "; titik diwarnai menurut klaster ({k} klaster)",
        "plot.desc.matrix_clusters_one": "; titik diwarnai menurut klaster (1 klaster)",
        "plot.desc.matrix_colours": "; setiap titik digambar dengan warnanya sendiri di atas latar abu-abu",
        "plot.desc.matrix_images": "; titik-titik digambar sebagai gambar",
        "plot.desc.dendrogram": "Dendrogram dengan {n} daun yang digabung dalam {merges} langkah, penggabungan "
                                "tertinggi pada tinggi {height}.",
        "plot.desc.dendrogram_one": "Dendrogram dengan {n} daun yang digabung dalam 1 langkah, pada tinggi {height}.",
        "plot.desc.leaves_across": " Daun dari kiri ke kanan: {leaves}.",
        "plot.desc.leaves_down": " Daun dari atas ke bawah: {leaves}.",
        "plot.desc.dendrogram_cut": " Memotong pada tinggi {cut} menghasilkan {k} klaster.",
        "plot.desc.dendrogram_cut_one": " Memotong pada tinggi {cut} menghasilkan 1 klaster.",
        "plot.desc.dendrogram_coloured": " Diwarnai sebagai {k} klaster di bawah tinggi {height}.",
        "plot.desc.dendrogram_coloured_one": " Diwarnai sebagai 1 klaster di bawah tinggi {height}.",
        "plot.desc.heatmap": "Peta panas sebuah matriks dengan {rows} baris dan {columns} kolom, nilai dari "
                             "{low} (terang) sampai {high} (gelap)",
        "plot.desc.heatmap_written": ", tertulis di dalam sel",
        "plot.desc.heatmap_cell": "baris {row}, kolom {column} ({value})",
        "plot.desc.highlighted": ". Disorot: {cells}",
        "plot.desc.swatches": "{k} contoh warna: {colours}.",
        "plot.desc.swatches_one": "1 contoh warna: {colours}.",
        "plot.desc.swatch_share": "{colour} ({share} % dari piksel)",
        "plot.desc.line": "Diagram garis dengan {m} titik",
        "plot.desc.line_one": "Diagram garis dengan 1 titik",
        "plot.desc.line_axes": " ({y} terhadap {x})",
        "plot.desc.line_values": ". Nilai {pairs}",
        "plot.desc.line_marked": ". Ditandai: {x} = {value}",
        "plot.desc.image_grey": "Gambar skala abu-abu berukuran {width} kali {height} piksel.",
        "plot.desc.image_colour": "Gambar berwarna berukuran {width} kali {height} piksel.",
        "plot.desc.grid": "{count} gambar berdampingan: {figures}.",
        "plot.desc.grid_one": "Satu gambar: {figures}.",
        "plot.repr": "<Figure {kind} {width}x{height}, {kb} kB SVG: tampilkan, atau fig.save('nama.svg')>",
        "check.right": "✓ Benar: {text}",
        "check.not_yet": "✗ Belum: {text}",
        "check.cases": "{name}: {right} dari {total} kasus benar",
        "check.all_right_one": "Semua benar: {name} Anda sama dengan clusterlab di setiap kasus.",
        "check.all_right_many": "Semua benar: {names} dan {last} Anda sama dengan clusterlab di setiap kasus.",
        "check.fix_first": "Belum: perbaiki ✗ pertama di atas, lalu jalankan sel ini lagi.",
        "check.your_update": "update Anda memindahkan centroid",
        "check.stopped": " Berhenti setelah {max_iter} iterasi: klasternya masih berubah.",
        "check.assign_case_0": "lima titik a-e, centroid a dan d",
        "check.assign_case_1": "sepuluh titik A-J, centroid C, G dan I",
        "check.assign_case_2": "satu variabel: kepadatan penduduk sepuluh kota, centroid 244 dan 777",
        "check.assign_case_3": "seri: titik 2 tepat di tengah centroid 1 dan 3, titik 4 di tengah 3 dan 5",
        "check.assign_case_4": "centroid yang bukan centroid terdekat bagi titik mana pun",
        "check.update_case_0": "lima titik a-e dalam dua klaster",
        "check.update_case_1": "sepuluh titik A-J setelah penetapan pertama",
        "check.update_case_2": "satu variabel: kepadatan penduduk sepuluh kota",
        "check.update_case_3": "label dalam urutan apa pun, satu klaster berisi satu titik",
        "check.update_case_4": "klaster kosong: tidak ada titik berlabel 1",
        "check.raised": "{name} memunculkan {error}: {exc}",
        "check.changed_input": "{name} mengubah list yang diberikan kepadanya; buat list baru untuk hasilnya, jangan menulis ke points, centroids, atau labels.",
        "check.returned_none": "{name} mengembalikan None: apakah Anda lupa `return` di akhir?",
        "check.not_a_list": "{name} seharusnya mengembalikan list berisi {what}, tetapi memberikan {kind} {value}.",
        "check.what_labels": "label, satu untuk setiap titik",
        "check.what_centroids": "{k} centroid",
        "check.label_count": "assign mengembalikan {got} label untuk {n} titik; berikan satu label untuk setiap titik.",
        "check.label_type": "labels[{i}] adalah {value} ({kind}); label adalah nomor sebuah centroid, bilangan bulat dari 0 sampai {last}.",
        "check.label_range": "labels[{i}] adalah {value}, tetapi ada {k} centroid, bernomor 0 sampai {last}.",
        "check.one_too_high": " Label Anda tampaknya kelebihan satu: Python menghitung dari 0, jadi centroid pertama adalah 0.",
        "check.one_more_wrong": " (1 titik lain juga mendapat label yang salah.)",
        "check.more_wrong": " ({count} titik lain juga mendapat label yang salah.)",
        "check.tie": "labels[{i}] adalah {got}, tetapi observasi {i} di {point} sama dekatnya dengan centroid {want} dan centroid {got} (jarak {d}); jika seri, ambil nomor yang lebih kecil, {want} (pertahankan jarak terkecil yang pertama: bandingkan dengan <, bukan <=).",
        "check.closer": "labels[{i}] adalah {got}, tetapi observasi {i} di {point} lebih dekat ke centroid {want} (jarak {d_want}) daripada ke centroid {got} ({d_got}).",
        "check.farthest": " Setiap titik masuk ke centroid terjauhnya: ambil jarak terkecil (min), bukan yang terbesar.",
        "check.centroid_count": "update mengembalikan {got} centroid padahal k adalah {k}; kembalikan satu centroid untuk setiap klaster, juga untuk klaster kosong.",
        "check.centroid_type": "centroid {j} adalah {value}; centroid adalah list dengan satu angka untuk setiap variabel ({p}).",
        "check.centroid_length": "centroid {j} berisi {got} angka, padahal titik-titiknya punya {p} variabel.",
        "check.centroid_finite": "centroid {j} adalah {value}; setiap koordinat harus berupa angka berhingga.",
        "check.empty": " Klaster {j} tidak punya titik, jadi tidak punya rata-rata: tetap beri centroidnya sebuah tempat, misalnya titik yang paling jauh dari rata-rata klasternya sendiri (clusterlab dan scikit-learn memindahkannya ke observasi yang jauh).",
        "check.not_mean": "centroid {j} seharusnya rata-rata observasi {members}, {want}, tetapi update memberikan {got}.",
        "check.hint_sum": " Itu jumlahnya: bagilah dengan banyaknya titik, {m}.",
        "check.hint_point": " Itu observasi {i} sendiri; centroid adalah rata-rata semua {m} titik di klaster itu.",
        "check.hint_all": " Itu rata-rata semua titik: pakai hanya titik-titik dengan label ini.",
        "check.hint_divisor": " Itu jumlahnya dibagi {wrong}; klaster itu berisi {m} titik.",
        "check.hint_floor": " Itu dibulatkan ke bawah: bagilah dengan /, bukan //.",
    },
}
# fmt: on

_current = DEFAULT


def set_language(code: str) -> None:
    """Show clusterlab's words in language ``code``: ``"en"`` (the default), ``"nb"`` or ``"id"``.

    Captions, buttons, printed tables, the checks' answers and figures'
    default labels, titles and descriptions made after this call use the
    language; code, variable names and error messages stay English.
    """
    global _current
    if not isinstance(code, str) or code not in WORDS:
        choices = ", ".join(f"{c!r} ({name})" for c, name in LANGUAGES.items())
        raise ValueError(f"clusterlab has no words in language {code!r}; choose one of {choices}.")
    _current = code


def get_language() -> str:
    """The code of the language clusterlab shows its words in: ``"en"``, ``"nb"`` or ``"id"``."""
    return _current


#: The decimal mark of numbers meant for reading, and what then separates two of them.
DECIMAL_MARK = {"en": ".", "nb": ",", "id": ","}
_SEPARATOR = {".": ", ", ",": "; "}


def readable(text: str) -> str:
    """A number Python formatted (``f"{x:.2f}"``), with the current language's decimal mark.

    >>> with speaking("nb"):
    ...     readable("654.50"), readable("-1.5e-5")
    ('654,50', '-1,5e-5')
    >>> readable("654.50")
    '654.50'
    """
    mark = DECIMAL_MARK[_current]
    return text if mark == "." else text.replace(".", mark)


def coordinates(texts) -> str:
    """Numbers already made :func:`readable`, joined so that a decimal comma cannot be misread.

    >>> coordinates(["1.5", "2"])
    '1.5, 2'
    >>> with speaking("id"):
    ...     coordinates([readable("1.5"), "2"])
    '1,5; 2'
    """
    return _SEPARATOR[DECIMAL_MARK[_current]].join(texts)


class Said(str):
    """A text from :func:`say`; ``key`` and ``fields`` tell messages apart without reading their words."""

    key: str = ""
    fields: dict = {}


def say(key: str, **fields) -> Said:
    """The text ``key`` in the current language, with its ``{fields}`` filled in."""
    text = Said(WORDS[_current][key].format(**fields))
    text.key, text.fields = key, fields
    return text


def say_count(key: str, count: int, **fields) -> Said:
    """The text ``key`` about ``count`` things: its singular form ``key + "_one"`` when ``count`` is 1.

    English and Norwegian say "1 cluster" but "2 clusters", so each such key
    has a ``_one`` twin (Indonesian writes both alike).

    >>> say_count("plot.desc.swatches", 1, k=1, colours="#FF0000")
    '1 colour swatch: #FF0000.'
    >>> say_count("plot.desc.swatches", 2, k=2, colours="#FF0000, #00FF00")
    '2 colour swatches: #FF0000, #00FF00.'
    """
    return say(key + "_one" if count == 1 else key, **fields)


@contextmanager
def speaking(code: str):
    """Within the block, clusterlab's words are in language ``code`` (English for error messages)."""
    global _current
    saved = _current
    set_language(code)
    try:
        yield
    finally:
        _current = saved
