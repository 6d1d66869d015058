"""The words clusterlab shows a learner, in English, Norwegian bokmål and Indonesian.

Buttons and captions of step players, printed tables, the checks' feedback,
figures' default labels, default titles and screen-reader descriptions, the
``repr`` of a data set, and clusterlab's own error messages and warnings
(keys ``error.*`` and ``warning.*``) are looked up here, in the language set
with :func:`clusterlab.set_language` (English by default).  An error message
names parameters and shows values as the code has them (``n_clusters``,
``criterion='maxclust'``, ``0.5``); only its words are translated.  Numbers
meant for reading (figures' ticks, labels and descriptions, printed tables,
captions) take the language's decimal mark, 0,5 in Norwegian and Indonesian
(:func:`readable`); what Python itself prints, ``print(0.5)``, stays 0.5.
Python's own error messages (``ZeroDivisionError: division by zero``) stay
English, and so does the one :func:`set_language` gives, which must be
readable whatever language was set before.  Norwegian follows the NTNU
lecture (klynge, sentroide, tilordne, kryssplott, varmekart, klyngemerke),
Indonesian the tutorial (klaster, centroid, iterasi), as the course's
translated pages do.

>>> set_language("nb")
>>> say("player.next")
'Neste ▶'
>>> say("player.step", step=2, steps=5)
'Steg 2 av 5'
>>> set_language("en")
>>> say("player.step", step=2, steps=5)
'Step 2 of 5'
>>> with speaking("nb"):
...     say("error.too_small", name="n_clusters", minimum=1, value=0)
'n_clusters må være minst 1, ikke 0.'
>>> set_language("fr")
Traceback (most recent call last):
...
ValueError: clusterlab has no words in language 'fr'; choose one of 'en' (English), 'nb' (norsk bokmål), 'id' (Bahasa Indonesia).
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["DEFAULT", "LANGUAGES", "WORDS", "Said", "coordinates", "decimals", "get_language", "readable", "say", "say_count",
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
        # Error messages and warnings, clusterlab's own (the English is the library's original wording,
        # matched by tests and quoted in the README: change it only with them)
        # _validate.py: every function's input
        "error.not_a_number": "{name} must be a number, got {kind} {value!r}; convert text to numbers first "
                              "(for example float(s)).",
        "error.not_finite": "{name} contains {value!r}; remove or impute missing and infinite values first.",
        "error.not_a_vector": "{name} must be a sequence of numbers such as [1.0, 2.0], got {kind}.",
        "error.empty_vector": "{name} is empty; give at least one number.",
        "error.not_a_matrix": "{name} must be a list of observations (rows of numbers), got {kind}.",
        "error.empty_matrix": "{name} is empty; give at least {min_rows} observation(s).",
        "error.too_few_rows": "{name} has {rows} observation(s) but at least {min_rows} are needed.",
        "error.not_a_row": "{name}[{i}] is {kind} {row!r}, not a row of numbers; give every observation as a "
                           "list of numbers.",
        "error.empty_row": "{name}[0] is an empty row; every observation needs a value.",
        "error.ragged": "{name} is ragged: row 0 has {width} values but row {i} has {got}; every observation "
                        "needs the same number of features.",
        "error.not_whole": "{name} must be a whole number, got {value!r}.",
        "error.too_small": "{name} must be at least {minimum}, got {value}.",
        "error.too_large": "{name} must be at most {maximum}, got {value}.",
        "error.unknown_choice": "unknown {name} {value!r}; use one of {listed}.",
        "error.not_offered": "clusterlab's {function} does not offer {name}={value!r} (scipy's option); {hint}",
        # what a message says it got instead, in the place of {got}
        "error.got_not_a_list": "not a list",
        "error.got_names": "{count} names",
        "error.got_entries": "{count} entries",
        "error.got_none": "none",
        # _text.py
        "error.table_row": "every row needs {ncol} cells, as many as the header.",
        "error.table_align": "align needs one 'l' or 'r' per column ({ncol}), got {align!r}.",
        # distance.py
        "error.correlation_features": "correlation needs observations with at least 2 features.",
        "error.correlation_constant": "correlation distance is undefined for a constant observation (row {i} has "
                                      "standard deviation 0); drop constant rows or use another metric.",
        "error.metric_value": "metric returned {d!r} for the observations {u} and {v}; it must return a finite "
                              "number >= 0.",
        "error.metric_type": "metric must be a name such as 'euclidean' or a function, got {metric!r}.",
        "error.same_features": "u has {u} values but v has {v}; both observations need the same features.",
        "error.weight_count": "w has {w} weights but the observations have {p} features; give one per feature.",
        "error.weight_negative": "w has a negative weight; weights must be >= 0.",
        "error.weight_zero": "w is all zero; at least one feature needs a positive weight.",
        "error.hint_pdist_out": "it returns a new list.",
        "error.pdist_options": "clusterlab's pdist takes no options for its metric (got {names}); to weight "
                               "features, scale the columns of X first (by the square root of the weight, for "
                               "euclidean), or pass metric=lambda u, v: euclidean(u, v, w).",
        "error.condensed_length": "a condensed distance list has n(n-1)/2 entries, but {m} is not of that form "
                                  "(valid lengths are 1, 3, 6, 10, 15, ...); pass the output of pdist.",
        "error.squareform_type": "X must be a condensed distance list or a square matrix, got {kind}.",
        "error.squareform_force": "force={force!r} but X is {kind}; use force='no' to convert either way.",
        "error.kind_square_matrix": "a square matrix",
        "error.kind_condensed": "a condensed list",
        "error.not_square": "X is a {n} x {m} matrix; a distance matrix must be square.",
        "error.diagonal": "X[{i}][{i}] is {value}; a distance matrix has zeros on its diagonal.",
        "error.not_symmetric": "X is not symmetric: X[{i}][{j}] != X[{j}][{i}].",
        # _hierarchy_algorithms.py
        "error.no_finite": "no finite distances left; check the input for inf/NaN values.",
        "error.too_far": "{name} gives distances up to {biggest!r}, above {limit:g}; rescale the data (for "
                         "example divide by its largest value).",
        # hierarchy.py
        "warning.distance_matrix": "{name} is a square, symmetric matrix with zeros on its diagonal: it looks "
                                   "like a distance matrix, but its rows are read as observations (points). To "
                                   "cluster these distances pass squareform(D), the condensed list; or pass the "
                                   "observations themselves.",
        "error.method_type": "method must be a name such as 'single', got {method!r}.",
        "error.linkage_input": "{name} must be observations (a list of rows of numbers) or a condensed distance "
                               "list, got {kind}.",
        "error.linkage_empty": "{name} is empty; give at least 2 observations.",
        "error.negative_distance": "{name}[{i}] is {d}, but distances cannot be negative; pass the output of "
                                   "pdist (a flat list is read as condensed distances).",
        "error.euclidean_only": "method={method!r} needs Euclidean distances, got metric={metric!r}; use "
                                "metric='euclidean' or a method such as 'average'.",
        "error.merge_steps_size": "merge_steps shows matrices for at most {limit} observations, got {n}; use "
                                  "linkage for larger data.",
        "error.merge_labels": "labels must give one name per observation ({n}).",
        "error.merge_labels_distinct": "labels must be distinct so that the clusters can be told apart.",
        "error.hint_optimal_ordering": "the merges are the same without it; only the leaves' order differs.",
        "error.linkage_columns": "{name} must have 4 columns [id1, id2, height, size], got {got}; pass the "
                                 "output of linkage.",
        "error.linkage_id": "{name}[{i}] uses cluster id {v:g}, but row {i} may only use ids 0..{last} "
                            "(observations, then earlier rows); pass the output of linkage.",
        "error.linkage_reused": "{name}[{i}] uses cluster {v} a second time; each cluster is merged once. "
                                "Pass the output of linkage.",
        "error.linkage_negative": "{name}[{i}] has negative height {h}; heights are distances >= 0.",
        "error.linkage_size": "{name}[{i}] says size {s:g} but clusters {a} and {b} hold {size} observations; "
                              "pass the output of linkage.",
        "error.hint_monocrit": "use criterion='maxclust', 'distance' or 'inconsistent'.",
        "error.grid_empty": "figures is empty; give at least one Figure.",
        "error.grid_not_figure": "figures[{i}] is {kind}, not a Figure; pass what scatter(), image(), ... return.",
        "error.no_criterion": "fcluster(Z, {t!r}) needs a criterion. scipy's fcluster reads it as "
                              "criterion='inconsistent' (its default), {scipy_says}, so the same call would not "
                              "carry over. Write criterion='maxclust' for at most {t!r} clusters, "
                              "criterion='distance' to cut at height {t!r}, or criterion='inconsistent' for "
                              "scipy's default.",
        "error.scipy_gives": "which gives {k} clusters here",
        "error.scipy_gives_one": "which gives {k} cluster here",
        "error.scipy_not_a_number": "which is not a number of clusters",
        "error.inconsistent_R": "R must have one row [mean, std, count, coefficient] per row of Z ({rows}), "
                                "got {got} rows of {cols}; pass inconsistent(Z).",
        "error.negative_cut": "t is {t}, but a cut height must be >= 0.",
        "error.cut_both": "give n_clusters or height, not both.",
        "error.height_type": "height must be a number or a list of numbers, got {height!r}.",
        "error.height_empty": "height is empty; give a number or a list of numbers.",
        "error.n_clusters_type": "n_clusters must be a whole number or a list of them, got {n_clusters!r}.",
        "error.n_clusters_empty": "n_clusters is empty; give a whole number or a list of them.",
        "error.hint_dendrogram_tree": "draw the whole tree with clusterlab.plot.dendrogram, or cut it with "
                                      "fcluster.",
        "error.hint_dendrogram_draw": "it only computes the coordinates; clusterlab.plot.dendrogram draws them.",
        "error.dendrogram_labels": "labels must give one label per observation ({n}), got {got}.",
        # kmeans.py
        "error.row_names": "row_names has {got} names but there are {n} observations.",
        "error.sample_weight_count": "sample_weight has {got} values but X has {n} observations; give one "
                                     "weight per observation.",
        "error.sample_weight_negative": "sample_weight contains negative values; weights must be >= 0.",
        "error.sample_weight_zero": "sample_weight is all zero; at least one observation needs a positive weight.",
        "error.invalid_parameter": "Invalid parameter {name!r} for estimator {estimator!r}. Valid parameters "
                                   "are: {valid!r}.",
        "error.too_many_clusters": "n_clusters={k} but X has only {n} observation(s); choose n_clusters <= {n}.",
        "error.init_wrapped": "{error} (init must be 'k-means++', 'random' or a list of {k} centroids)",
        "error.init_shape": "init has shape ({rows}, {cols}) but needs ({k}, {d}): one row per cluster, one "
                            "value per feature.",
        "error.n_init": "n_init must be 'auto' or a whole number >= 1, got {n_init!r}.",
        "warning.n_init_changed": "explicit initial centroids were given, so n_init={n_init} is changed to 1 "
                                  "(every run would be the same).",
        "error.tol_negative": "tol must be >= 0, got {tol}; use 0 to stop only when no label changes.",
        "error.random_state": "random_state must be an int seed or None, got {value!r}.",
        "error.copy_x": "copy_x must be True or False, got {value!r}.",
        "error.verbose": "verbose={value!r} is not offered: every iteration of the best run is in history_ "
                         "after fit (history_table(km, step) prints one); use verbose=0.",
        "warning.duplicates": "X has only {distinct} distinct observation(s) but n_clusters={k}; some clusters "
                              "will be duplicates. Use n_clusters <= the number of distinct observations.",
        "warning.fewer_clusters": "Number of distinct clusters ({found}) found smaller than n_clusters ({k}).",
        "error.not_fitted": "This KMeans is not fitted yet; call fit(X) before {what}(X).",
        "error.not_fitted_history": "This KMeans is not fitted yet; call fit(X) before history_table.",
        "error.features_changed": "X has {got} feature(s) but the model was fitted with {p}; give the same "
                                  "features as in fit.",
        "error.label_count": "labels has {got} entries but X has {n} observations; give one label each.",
        "error.labels_type": "labels must be a list of cluster numbers, got {kind}.",
        # quantize.py, _median_cut.py
        "error.pixels_type": "pixels must be raw 8-bit bytes (bytes, bytearray or memoryview), got {kind}; for "
                             "a canvas use ImageData.data, for Pillow img.convert('RGB').tobytes().",
        "error.channels": "channels must be 3 (RGB) or 4 (RGBA), got {channels}.",
        "error.pixels_size": "pixels has {got} bytes but width*height*channels = {width}*{height}*{channels} = "
                             "{expected}; check the image size and the channels (4 for RGBA, 3 for RGB).",
        "error.tol_number": "tol must be a number >= 0, got {tol!r}.",
        "warning.few_colours": "the image has only {distinct} distinct colour(s), fewer than k={k}; the "
                               "palette holds those {distinct} colours.",
        "error.mse": "mse must be a number >= 0 (a mean squared error), got {mse!r}.",
        # datasets.py
        "error.unknown_feature": "unknown {what} {feature!r}; use one of {listed} (or a 0-based position).",
        "error.what_column": "column",
        "error.what_feature": "feature",
        "error.columns_type": "columns must be a list of feature names or positions such as "
                              "['petal_length', 'petal_width'], got {kind}.",
        "error.columns_empty": "columns is empty; name at least one of {names}.",
        "error.columns_twice": "columns {columns!r} names the same feature twice.",
        "error.matrix_file": "{file} is not a clusterlab matrix file (version 1).",
        "error.matrix_size": "{file} holds {got} values, expected {rows} x {cols}.",
        "error.nci60_labels": "nci60_labels.txt has {labels} labels for {rows} rows.",
        "error.photo_file": "{file} is not a clusterlab RGB photo file (version 1).",
        "error.photo_size": "{file} holds {got} bytes, expected {width} x {height} x 3.",
        "error.photo_name_type": "name must be a photo's name such as 'coffee', got {kind}.",
        "error.unknown_photo": "unknown photo {name!r}; use one of {listed}.",
        # player.py
        "error.frame_type": "frames[{i}] is {kind}, which cannot be shown; give a clusterlab.plot figure, an "
                            "object with _repr_svg_ or _repr_html_, or a string (shown as preformatted text).",
        "error.frames_type": "frames must be a list of frames, got {kind}; for a single frame write [frame].",
        "error.frames_empty": "frames is empty; give at least one frame (a figure, an HTML object or a string).",
        "error.captions_type": "captions must be a list with one string per frame, got {kind}.",
        "error.captions_count": "captions has {got} entries but there are {n} frames; give one caption per "
                                "frame.",
        "error.caption_type": "captions[{i}] is {kind}; captions must be strings (or None).",
        "error.title_type": "title must be a string or None, got {kind}.",
        "error.names_for_labels": "names has {got} entries but there are {n} labels; give one name each.",
        "error.label_not_below_k": "label {label} is not below k={k}; labels run from 0 to k-1.",
        "error.names_for_X": "names has {got} entries but X has {n} observations; give one name each.",
        "error.no_history": "the model has no history_: fit it first (KMeans(...).fit(X)); only a fitted "
                            "clusterlab KMeans can be played step by step.",
        "error.X_changed": "X has {got} observations but the model was fitted on {n}; give the same X as to fit.",
        "error.iterations_empty": "iterations is empty; give at least one (centroids, labels) pair.",
        # checks.py
        "error.not_callable": "{name} must be your function {name}({args}), got {kind}; pass the function "
                              "itself, without ().",
        "error.init_variables": "init has {got} numbers per centroid but X has {p} variables; give one per "
                                "variable.",
        "error.iteration": "iteration {it}: {problem}",
        # plot/line.py
        "error.empty_series": "y is an empty dict; give at least one series {{name: values}}.",
        "error.series_length": "series {name!r} has {got} values but the first has {m}; all series need the "
                               "same length.",
        "error.x_length": "x has {got} values but y has {m}; give one x per y value.",
        # plot/dendrogram.py
        "error.cut_and_n_clusters": "give cut (a height) or n_clusters (a number of clusters), not both.",
        "error.Z_columns": "Z has {cols} columns; a linkage matrix has 4 (id1, id2, height, size) per merge, "
                           "as returned by linkage().",
        "error.labels_for_Z": "labels has {got} but Z joins {n} observations; give one name each.",
        "error.dict_lacks": "the dendrogram dict lacks {missing}; pass the dict returned by "
                            "clusterlab.hierarchy.dendrogram(Z) (or scipy's, with no_plot=True), or pass Z itself.",
        "error.dict_sizes": "the dendrogram dict has {icoord} icoord rows, {dcoord} dcoord rows and {leaves} "
                            "leaves; expected n-1 links for n leaves.",
        "error.coords_rows": "{name} rows need 4 numbers each (the corners of one link).",
        "error.dict_labels_leaves": "labels has {got} names but the dendrogram has {leaves} leaves.",
        "error.dict_labels_observations": "labels has {got} names but the dendrogram has {leaves} leaves; give "
                                          "one name per observation.",
        "error.not_a_tree": "link {j} of the dendrogram dict does not stand on two nodes below it, so "
                            "icoord/dcoord do not form a tree; pass the dict returned by dendrogram(Z) unchanged.",
        # plot/_svg.py
        "error.save_path": "path {path!r} should end in .svg or .html; for PNG, open the .svg in a browser and "
                           "take a screenshot.",
        # plot/matrix.py
        "error.D_type": "D must be a matrix (list of rows of numbers), got {kind}.",
        "error.D_empty": "D is empty; give at least one row of numbers.",
        "error.D_row": "D[{i}] is {row!r}, not a row of numbers; D must be 2-D.",
        "error.D_ragged": "D is ragged: row 0 has {width} values but row {i} has {got}.",
        "error.D_empty_row": "D[0] is an empty row.",
        "error.names_for_D": "{name} has {got} but D has {count}; give one name each.",
        "error.highlight": "highlight must be a cell (i, j) or a list of cells, got {highlight!r}.",
        "error.name_highlight_row": "highlight row",
        "error.name_highlight_column": "highlight column",
        "error.palette_type": "palette must be a list of colours, got {kind}.",
        "error.palette_empty": "palette is empty; give at least one colour.",
        "error.counts_length": "counts has {got} values but palette has {k} colours; give one count per colour.",
        "error.counts_negative": "counts must not be negative.",
        # plot/png.py
        "error.pixel_values_size": "pixels has {got} values but width*height*channels = "
                                   "{width}*{height}*{channels} = {expected}; check width, height and channels "
                                   "(RGB is 3 channels, RGBA 4).",
        "error.pixels_list_type": "pixels must be bytes or a list of 0-255 integers, got {kind}.",
        "error.pixel_type": "pixels[{i}] is {px!r}; give a flat list of 0-255 values or one ({channels}-value) "
                            "tuple per pixel.",
        "error.pixel_channels": "pixels[{i}] has {got} values but channels={channels}; give every pixel the "
                                "same number of channels.",
        "error.pixel_range": "pixels must hold whole numbers from 0 to 255 (8-bit channel values); round and "
                             "clip them first, e.g. min(255, max(0, round(v))).",
        "error.scale": "scale must be positive, got {scale}; use 1 for the natural size.",
        # plot/_colours.py
        "error.point_labels_type": "{name} must be a list with one label per point (for example [0, 1, 1]), "
                                   "got {kind}.",
        "error.point_labels_count": "{name} has {got} entries but X has {n} points; give exactly one label per "
                                    "point.",
        "error.label_nan": "{name}[{i}] is nan; every point needs a cluster label.",
        "error.label_unhashable": "{name}[{i}] is {kind} {label!r}; labels must be numbers or strings.",
        "error.colour_format": "{name} is {c!r}; give colours as '#rrggbb' or as (r, g, b) with 0-255 values.",
        "error.colour_range": "{name} is {c!r}; colour values must lie between 0 and 255 (multiply 0-1 values "
                              "by 255).",
        # plot/scatter.py
        "error.scatter_dim": "X has {dim} features per point but scatter draws 1 or 2; pick two columns, for "
                             "example [[row[0], row[1]] for row in X], or use scatter_matrix(X).",
        "error.centers_features": "centers have {got} features but X has {dim}; give one centre per cluster "
                                  "with the same features as the points.",
        "error.label_names_type": "label_names must be a dict from label to name, like {{-1: 'noise'}}, "
                                  "got {kind}.",
        "error.point_texts": "point_labels has {got} but X has {n} points; give one text per point (a string "
                             "like 'ABCDE' works for single letters).",
        "error.matrix_one_feature": "X has 1 feature; scatter_matrix needs at least 2 columns. Use scatter(X) "
                                    "for 1-D data.",
        "error.matrix_many_features": "X has {p} features; scatter_matrix draws at most 12 (pick columns).",
        "error.labels_or_colors": "give labels (colour by cluster) or colors (one colour per point), not both.",
        "error.matrix_width": "width {width} is too small for {p} features; give a larger width.",
        "error.rgb_columns": "colors=\"rgb\" needs X with 3 columns (R, G, B 0-255).",
        "error.colors_count": "colors has {got} but X has {n} points; give one colour per point or colors='rgb'.",
        "error.feature_names_count": "feature_names has {got} names but X has {p} features; give one per "
                                     "column.",
        # datasets.py: Dataset's repr (English keeps "1 rows", "1 features", as it always printed)
        "dataset.head": "Dataset({name!r}, {rows} x {features}{image}{target})",
        "dataset.rows": "{n} rows",
        "dataset.rows_one": "{n} rows",
        "dataset.features": "{n} features",
        "dataset.features_one": "{n} features",
        "dataset.image": ", image {width} x {height}",
        "dataset.target": ", target with {k} classes",
        "dataset.target_one": ", target with {k} classes",
    },
    "nb": {
        "player.name": "Steg for steg",
        "player.previous": "◀ Forrige",
        "player.next": "Neste ▶",
        "player.slider": "Steg",
        "player.step": "Steg {step} av {steps}",
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
        "merge.title": "Steg {step}",
        "merge.caption_one": "Steg {step}: {left} og {right} slås sammen i høyde {height}; 1 klynge: {listed}.",
        "merge.caption_many": "Steg {step}: {left} og {right} slås sammen i høyde {height}; "
                              "{count} klynger: {listed}.",
        "table.obs": "obs",
        "table.cluster": "klynge",
        "table.moved": "flyttet",
        "table.iteration": "iterasjon {it}: {centroids}",
        "table.inertia": "inertia = {inertia}",
        "steps.merge": "steg {step}: slå sammen {left} og {right} i høyde {height} -> {name}",
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
        "plot.desc.dendrogram": "Dendrogram med {n} blader som slås sammen i {merges} steg, høyeste "
                                "sammenslåing i høyde {height}.",
        "plot.desc.dendrogram_one": "Dendrogram med {n} blader som slås sammen i ett steg, i høyde {height}.",
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
        # error messages and warnings: parameter names, code and Python values as in English
        "error.not_a_number": "{name} må være et tall, ikke {kind} {value!r}; gjør tekst om til tall først "
                              "(for eksempel float(s)).",
        "error.not_finite": "{name} inneholder {value!r}; fjern eller erstatt manglende og uendelige verdier først.",
        "error.not_a_vector": "{name} må være en følge av tall, som [1.0, 2.0], ikke {kind}.",
        "error.empty_vector": "{name} er tom; gi minst ett tall.",
        "error.not_a_matrix": "{name} må være en liste med observasjoner (rader med tall), ikke {kind}.",
        "error.empty_matrix": "{name} er tom; gi minst {min_rows} observasjon(er).",
        "error.too_few_rows": "{name} har {rows} observasjon(er), men det trengs minst {min_rows}.",
        "error.not_a_row": "{name}[{i}] er {kind} {row!r}, ikke en rad med tall; gi hver observasjon som en "
                           "liste med tall.",
        "error.empty_row": "{name}[0] er en tom rad; hver observasjon trenger en verdi.",
        "error.ragged": "radene i {name} er ulikt lange: rad 0 har {width} verdier, men rad {i} har {got}; hver "
                        "observasjon trenger like mange variabler.",
        "error.not_whole": "{name} må være et heltall, ikke {value!r}.",
        "error.too_small": "{name} må være minst {minimum}, ikke {value}.",
        "error.too_large": "{name} må være høyst {maximum}, ikke {value}.",
        "error.unknown_choice": "ukjent verdi {value!r} for {name}; bruk en av {listed}.",
        "error.not_offered": "{function} i clusterlab tilbyr ikke {name}={value!r} (et valg fra scipy); {hint}",
        "error.got_not_a_list": "er ikke en liste",
        "error.got_names": "har {count} navn",
        "error.got_entries": "har lengde {count}",
        "error.got_none": "ingen",
        "error.table_row": "hver rad trenger {ncol} celler, like mange som overskriftsraden.",
        "error.table_align": "align trenger én 'l' eller 'r' per kolonne ({ncol}), ikke {align!r}.",
        "error.correlation_features": "korrelasjon krever observasjoner med minst 2 variabler.",
        "error.correlation_constant": "korrelasjonsavstanden er ikke definert for en konstant observasjon (rad "
                                      "{i} har standardavvik 0); fjern konstante rader eller bruk et annet "
                                      "avstandsmål.",
        "error.metric_value": "metric returnerte {d!r} for observasjonene {u} og {v}; den må returnere et "
                              "endelig tall >= 0.",
        "error.metric_type": "metric må være et navn, som 'euclidean', eller en funksjon, ikke {metric!r}.",
        "error.same_features": "u har {u} verdier, men v har {v}; begge observasjonene må ha de samme variablene.",
        "error.weight_count": "w har {w} vekter, men observasjonene har {p} variabler; gi én vekt per variabel.",
        "error.weight_negative": "w har en negativ vekt; vektene må være >= 0.",
        "error.weight_zero": "w er bare nuller; minst én variabel må ha positiv vekt.",
        "error.hint_pdist_out": "den returnerer en ny liste.",
        "error.pdist_options": "pdist i clusterlab tar ingen valg for avstandsmålet (fikk {names}); for å vekte "
                               "variablene kan du først skalere kolonnene i X (med kvadratroten av vekten, for "
                               "euclidean), eller gi metric=lambda u, v: euclidean(u, v, w).",
        "error.condensed_length": "en kondensert avstandsliste har n(n-1)/2 elementer, men {m} er ikke på den "
                                  "formen (gyldige lengder er 1, 3, 6, 10, 15, ...); gi utdataene fra pdist.",
        "error.squareform_type": "X må være en kondensert avstandsliste eller en kvadratisk matrise, ikke {kind}.",
        "error.squareform_force": "force={force!r}, men X er {kind}; bruk force='no' for å gjøre om begge veier.",
        "error.kind_square_matrix": "en kvadratisk matrise",
        "error.kind_condensed": "en kondensert liste",
        "error.not_square": "X er en {n} × {m}-matrise; en avstandsmatrise må være kvadratisk.",
        "error.diagonal": "X[{i}][{i}] er {value}; en avstandsmatrise har nuller på diagonalen.",
        "error.not_symmetric": "X er ikke symmetrisk: X[{i}][{j}] != X[{j}][{i}].",
        "error.no_finite": "ingen endelige avstander igjen; sjekk om inndataene har inf- eller NaN-verdier.",
        "error.too_far": "{name} gir avstander opptil {biggest!r}, over {limit:g}; skaler om dataene (del for "
                         "eksempel på den største verdien).",
        "warning.distance_matrix": "{name} er en kvadratisk, symmetrisk matrise med nuller på diagonalen: den "
                                   "ser ut som en avstandsmatrise, men radene leses som observasjoner (punkter). "
                                   "For å klynge disse avstandene, gi squareform(D), den kondenserte listen; "
                                   "eller gi selve observasjonene.",
        "error.method_type": "method må være et navn, som 'single', ikke {method!r}.",
        "error.linkage_input": "{name} må være observasjoner (en liste med rader av tall) eller en kondensert "
                               "avstandsliste, ikke {kind}.",
        "error.linkage_empty": "{name} er tom; gi minst 2 observasjoner.",
        "error.negative_distance": "{name}[{i}] er {d}, men avstander kan ikke være negative; gi utdataene fra "
                                   "pdist (en flat liste leses som kondenserte avstander).",
        "error.euclidean_only": "method={method!r} krever euklidske avstander, men metric={metric!r}; bruk "
                                "metric='euclidean' eller en metode som 'average'.",
        "error.merge_steps_size": "merge_steps viser matriser for høyst {limit} observasjoner, men fikk {n}; "
                                  "bruk linkage for større data.",
        "error.merge_labels": "labels må gi ett navn per observasjon ({n}).",
        "error.merge_labels_distinct": "navnene i labels må være forskjellige, så klyngene kan skilles fra "
                                       "hverandre.",
        "error.hint_optimal_ordering": "sammenslåingene blir de samme uten det; bare rekkefølgen av bladene "
                                       "blir en annen.",
        "error.linkage_columns": "{name} må ha 4 kolonner [id1, id2, height, size], ikke {got}; gi utdataene "
                                 "fra linkage.",
        "error.linkage_id": "{name}[{i}] bruker klynge-id {v:g}, men rad {i} kan bare bruke id-ene 0..{last} "
                            "(observasjonene, deretter tidligere rader); gi utdataene fra linkage.",
        "error.linkage_reused": "{name}[{i}] bruker klynge {v} for andre gang; hver klynge slås sammen bare én "
                                "gang. Gi utdataene fra linkage.",
        "error.linkage_negative": "{name}[{i}] har negativ høyde {h}; høyder er avstander >= 0.",
        "error.linkage_size": "{name}[{i}] oppgir størrelse {s:g}, men klyngene {a} og {b} har {size} "
                              "observasjoner; gi utdataene fra linkage.",
        "error.hint_monocrit": "bruk criterion='maxclust', 'distance' eller 'inconsistent'.",
        "error.grid_empty": "figures er tom; gi minst én Figure.",
        "error.grid_not_figure": "figures[{i}] er {kind}, ikke en Figure; send inn det scatter(), image(), ... returnerer.",
        "error.no_criterion": "fcluster(Z, {t!r}) trenger et kriterium. scipys fcluster leser kallet som "
                              "criterion='inconsistent' (standardvalget), {scipy_says}, så det samme kallet gir "
                              "ikke det samme der. Skriv criterion='maxclust' for høyst {t!r} klynger, "
                              "criterion='distance' for å kutte i høyde {t!r}, eller criterion='inconsistent' "
                              "for scipys standardvalg.",
        "error.scipy_gives": "som her gir {k} klynger",
        "error.scipy_gives_one": "som her gir {k} klynge",
        "error.scipy_not_a_number": "som ikke er et antall klynger",
        "error.inconsistent_R": "R må ha én rad [mean, std, count, coefficient] per rad i Z ({rows}), men har "
                                "{got} rader med {cols} tall; gi inconsistent(Z).",
        "error.negative_cut": "t er {t}, men en kutthøyde må være >= 0.",
        "error.cut_both": "gi n_clusters eller height, ikke begge.",
        "error.height_type": "height må være et tall eller en liste med tall, ikke {height!r}.",
        "error.height_empty": "height er tom; gi et tall eller en liste med tall.",
        "error.n_clusters_type": "n_clusters må være et heltall eller en liste med heltall, ikke {n_clusters!r}.",
        "error.n_clusters_empty": "n_clusters er tom; gi et heltall eller en liste med heltall.",
        "error.hint_dendrogram_tree": "tegn hele treet med clusterlab.plot.dendrogram, eller kutt det med "
                                      "fcluster.",
        "error.hint_dendrogram_draw": "den regner bare ut koordinatene; clusterlab.plot.dendrogram tegner dem.",
        "error.dendrogram_labels": "labels må gi ett navn per observasjon ({n}), men fikk {got}.",
        "error.row_names": "row_names har {got} navn, men det er {n} observasjoner.",
        "error.sample_weight_count": "sample_weight har {got} verdier, men X har {n} observasjoner; gi én vekt "
                                     "per observasjon.",
        "error.sample_weight_negative": "sample_weight inneholder negative verdier; vektene må være >= 0.",
        "error.sample_weight_zero": "sample_weight er bare nuller; minst én observasjon må ha positiv vekt.",
        "error.invalid_parameter": "Ugyldig parameter {name!r} for estimatoren {estimator!r}. Gyldige "
                                   "parametere er: {valid!r}.",
        "error.too_many_clusters": "n_clusters={k}, men X har bare {n} observasjon(er); velg n_clusters <= {n}.",
        "error.init_wrapped": "{error} (init må være 'k-means++', 'random' eller en liste med {k} sentroider)",
        "error.init_shape": "init har formen ({rows}, {cols}), men må ha ({k}, {d}): én rad per klynge, én "
                            "verdi per variabel.",
        "error.n_init": "n_init må være 'auto' eller et heltall >= 1, ikke {n_init!r}.",
        "warning.n_init_changed": "startsentroidene er gitt, så n_init={n_init} endres til 1 (hver kjøring ville "
                                  "blitt lik).",
        "error.tol_negative": "tol må være >= 0, ikke {tol}; bruk 0 for å stoppe først når ingen klyngemerker "
                              "endrer seg.",
        "error.random_state": "random_state må være et heltall (frøet) eller None, ikke {value!r}.",
        "error.copy_x": "copy_x må være True eller False, ikke {value!r}.",
        "error.verbose": "verbose={value!r} tilbys ikke: hver iterasjon i den beste kjøringen ligger i history_ "
                         "etter fit (history_table(km, step) skriver ut én); bruk verbose=0.",
        "warning.duplicates": "X har bare {distinct} ulike observasjon(er), men n_clusters={k}; noen klynger "
                              "blir identiske. Bruk n_clusters <= antall ulike observasjoner.",
        "warning.fewer_clusters": "Antall ulike klynger som ble funnet ({found}), er mindre enn n_clusters ({k}).",
        "error.not_fitted": "Denne KMeans er ikke tilpasset ennå; kall fit(X) før {what}(X).",
        "error.not_fitted_history": "Denne KMeans er ikke tilpasset ennå; kall fit(X) før history_table.",
        "error.features_changed": "X har {got} variabel(er), men modellen ble tilpasset med {p}; gi de samme "
                                  "variablene som i fit.",
        "error.label_count": "labels har {got} elementer, men X har {n} observasjoner; gi ett klyngemerke til "
                             "hver.",
        "error.labels_type": "labels må være en liste med klyngenumre, ikke {kind}.",
        "error.pixels_type": "pixels må være rå 8-bits byte (bytes, bytearray eller memoryview), ikke {kind}; "
                             "fra et canvas bruker du ImageData.data, fra Pillow img.convert('RGB').tobytes().",
        "error.channels": "channels må være 3 (RGB) eller 4 (RGBA), ikke {channels}.",
        "error.pixels_size": "pixels har {got} byte, men width*height*channels = {width}*{height}*{channels} = "
                             "{expected}; sjekk bildestørrelsen og antall kanaler (4 for RGBA, 3 for RGB).",
        "error.tol_number": "tol må være et tall >= 0, ikke {tol!r}.",
        "warning.few_colours": "bildet har bare {distinct} ulike farge(r), færre enn k={k}; paletten består av "
                               "disse {distinct} fargene.",
        "error.mse": "mse må være et tall >= 0 (en gjennomsnittlig kvadrert feil), ikke {mse!r}.",
        "error.unknown_feature": "ukjent {what} {feature!r}; bruk en av {listed} (eller en posisjon talt fra 0).",
        "error.what_column": "kolonne",
        "error.what_feature": "variabel",
        "error.columns_type": "columns må være en liste med variabelnavn eller posisjoner, som "
                              "['petal_length', 'petal_width'], ikke {kind}.",
        "error.columns_empty": "columns er tom; nevn minst én av {names}.",
        "error.columns_twice": "columns {columns!r} nevner den samme variabelen to ganger.",
        "error.matrix_file": "{file} er ikke en matrisefil fra clusterlab (versjon 1).",
        "error.matrix_size": "{file} har {got} verdier, men skulle hatt {rows} × {cols}.",
        "error.nci60_labels": "nci60_labels.txt har {labels} merkelapper for {rows} rader.",
        "error.photo_file": "{file} er ikke en RGB-fotofil fra clusterlab (versjon 1).",
        "error.photo_size": "{file} har {got} byte, men skulle hatt {width} × {height} × 3.",
        "error.photo_name_type": "name må være navnet på et foto, som 'coffee', ikke {kind}.",
        "error.unknown_photo": "ukjent foto {name!r}; bruk ett av {listed}.",
        "error.frame_type": "frames[{i}] er {kind}, som ikke kan vises; gi en figur fra clusterlab.plot, et "
                            "objekt med _repr_svg_ eller _repr_html_, eller en streng (vises som "
                            "forhåndsformatert tekst).",
        "error.frames_type": "frames må være en liste med bilder, ikke {kind}; for ett enkelt bilde skriver du "
                             "[frame].",
        "error.frames_empty": "frames er tom; gi minst ett bilde (en figur, et HTML-objekt eller en streng).",
        "error.captions_type": "captions må være en liste med én streng per bilde, ikke {kind}.",
        "error.captions_count": "captions har {got} elementer, men det er {n} bilder; gi én bildetekst per bilde.",
        "error.caption_type": "captions[{i}] er {kind}; bildetekster må være strenger (eller None).",
        "error.title_type": "title må være en streng eller None, ikke {kind}.",
        "error.names_for_labels": "names har {got} elementer, men det er {n} klyngemerker; gi ett navn til hvert.",
        "error.label_not_below_k": "klyngemerket {label} er ikke under k={k}; klyngemerkene går fra 0 til k-1.",
        "error.names_for_X": "names har {got} elementer, men X har {n} observasjoner; gi ett navn til hver.",
        "error.no_history": "modellen har ingen history_: tilpass den først (KMeans(...).fit(X)); bare en "
                            "tilpasset KMeans fra clusterlab kan spilles av steg for steg.",
        "error.X_changed": "X har {got} observasjoner, men modellen ble tilpasset på {n}; gi den samme X som til "
                           "fit.",
        "error.iterations_empty": "iterations er tom; gi minst ett par (centroids, labels).",
        "error.not_callable": "{name} må være funksjonen din {name}({args}), ikke {kind}; gi selve funksjonen, "
                              "uten ().",
        "error.init_variables": "init har {got} tall per sentroide, men X har {p} variabler; gi ett per "
                                "variabel.",
        "error.iteration": "iterasjon {it}: {problem}",
        "error.empty_series": "y er en tom dict; gi minst én serie {{name: values}}.",
        "error.series_length": "serien {name!r} har {got} verdier, men den første har {m}; alle seriene må være "
                               "like lange.",
        "error.x_length": "x har {got} verdier, men y har {m}; gi én x per y-verdi.",
        "error.cut_and_n_clusters": "gi cut (en høyde) eller n_clusters (et antall klynger), ikke begge.",
        "error.Z_columns": "Z har {cols} kolonner; en matrise fra linkage har 4 (id1, id2, height, size) per "
                           "sammenslåing, slik linkage() returnerer den.",
        "error.labels_for_Z": "labels {got}, men Z slår sammen {n} observasjoner; gi ett navn til hver.",
        "error.dict_lacks": "dendrogram-dicten mangler {missing}; gi dicten som "
                            "clusterlab.hierarchy.dendrogram(Z) returnerer (eller scipys, med no_plot=True), "
                            "eller gi selve Z.",
        "error.dict_sizes": "dendrogram-dicten har {icoord} icoord-rader, {dcoord} dcoord-rader og {leaves} "
                            "blader; det skal være n-1 forbindelser for n blader.",
        "error.coords_rows": "radene i {name} trenger 4 tall hver (hjørnene i én forbindelse).",
        "error.dict_labels_leaves": "labels har {got} navn, men dendrogrammet har {leaves} blader.",
        "error.dict_labels_observations": "labels har {got} navn, men dendrogrammet har {leaves} blader; gi ett "
                                          "navn per observasjon.",
        "error.not_a_tree": "forbindelse {j} i dendrogram-dicten står ikke på to noder under seg, så "
                            "icoord/dcoord danner ikke et tre; gi dicten som dendrogram(Z) returnerer, uendret.",
        "error.save_path": "stien {path!r} skal slutte på .svg eller .html; for PNG åpner du .svg-filen i en "
                           "nettleser og tar et skjermbilde.",
        "error.D_type": "D må være en matrise (en liste med rader av tall), ikke {kind}.",
        "error.D_empty": "D er tom; gi minst én rad med tall.",
        "error.D_row": "D[{i}] er {row!r}, ikke en rad med tall; D må være todimensjonal.",
        "error.D_ragged": "radene i D er ulikt lange: rad 0 har {width} verdier, men rad {i} har {got}.",
        "error.D_empty_row": "D[0] er en tom rad.",
        "error.names_for_D": "{name} {got}, men D har {count}; gi ett navn til hver.",
        "error.highlight": "highlight må være en celle (i, j) eller en liste med celler, ikke {highlight!r}.",
        "error.name_highlight_row": "raden i highlight",
        "error.name_highlight_column": "kolonnen i highlight",
        "error.palette_type": "palette må være en liste med farger, ikke {kind}.",
        "error.palette_empty": "palette er tom; gi minst én farge.",
        "error.counts_length": "counts har {got} verdier, men palette har {k} farger; gi ett antall per farge.",
        "error.counts_negative": "counts kan ikke være negative.",
        "error.pixel_values_size": "pixels har {got} verdier, men width*height*channels = "
                                   "{width}*{height}*{channels} = {expected}; sjekk width, height og channels "
                                   "(RGB har 3 kanaler, RGBA 4).",
        "error.pixels_list_type": "pixels må være bytes eller en liste med heltall fra 0 til 255, ikke {kind}.",
        "error.pixel_type": "pixels[{i}] er {px!r}; gi en flat liste med verdier fra 0 til 255 eller ett tuppel "
                            "({channels} verdier) per piksel.",
        "error.pixel_channels": "pixels[{i}] har {got} verdier, men channels={channels}; gi hver piksel like "
                                "mange kanaler.",
        "error.pixel_range": "pixels må inneholde heltall fra 0 til 255 (8-bits kanalverdier); rund av og klipp "
                             "dem først, f.eks. min(255, max(0, round(v))).",
        "error.scale": "scale må være positiv, ikke {scale}; bruk 1 for naturlig størrelse.",
        "error.point_labels_type": "{name} må være en liste med ett klyngemerke per punkt (for eksempel "
                                   "[0, 1, 1]), ikke {kind}.",
        "error.point_labels_count": "{name} har {got} elementer, men X har {n} punkter; gi nøyaktig ett "
                                    "klyngemerke per punkt.",
        "error.label_nan": "{name}[{i}] er nan; hvert punkt trenger et klyngemerke.",
        "error.label_unhashable": "{name}[{i}] er {kind} {label!r}; klyngemerker må være tall eller strenger.",
        "error.colour_format": "{name} er {c!r}; gi farger som '#rrggbb' eller som (r, g, b) med verdier fra 0 "
                               "til 255.",
        "error.colour_range": "{name} er {c!r}; fargeverdiene må ligge mellom 0 og 255 (gang verdier fra 0 til 1 "
                              "med 255).",
        "error.scatter_dim": "X har {dim} variabler per punkt, men scatter tegner 1 eller 2; velg to kolonner, "
                             "for eksempel [[row[0], row[1]] for row in X], eller bruk scatter_matrix(X).",
        "error.centers_features": "centers har {got} variabler, men X har {dim}; gi én sentroide per klynge, med "
                                  "de samme variablene som punktene.",
        "error.label_names_type": "label_names må være en dict fra klyngemerke til navn, som {{-1: 'noise'}}, "
                                  "ikke {kind}.",
        "error.point_texts": "point_labels {got}, men X har {n} punkter; gi én tekst per punkt (en streng som "
                             "'ABCDE' fungerer for enkeltbokstaver).",
        "error.matrix_one_feature": "X har 1 variabel; scatter_matrix trenger minst 2 kolonner. Bruk scatter(X) "
                                    "for endimensjonale data.",
        "error.matrix_many_features": "X har {p} variabler; scatter_matrix tegner høyst 12 (velg kolonner).",
        "error.labels_or_colors": "gi labels (farge etter klynge) eller colors (én farge per punkt), ikke begge.",
        "error.matrix_width": "bredden {width} er for liten for {p} variabler; gi en større width.",
        "error.rgb_columns": "colors=\"rgb\" krever at X har 3 kolonner (R, G, B 0-255).",
        "error.colors_count": "colors {got}, men X har {n} punkter; gi én farge per punkt eller colors='rgb'.",
        "error.feature_names_count": "feature_names har {got} navn, men X har {p} variabler; gi ett per "
                                     "kolonne.",
        "dataset.head": "Dataset({name!r}, {rows} × {features}{image}{target})",
        "dataset.rows": "{n} rader",
        "dataset.rows_one": "{n} rad",
        "dataset.features": "{n} variabler",
        "dataset.features_one": "{n} variabel",
        "dataset.image": ", bilde {width} × {height} piksler",
        "dataset.target": ", target med {k} klasser",
        "dataset.target_one": ", target med {k} klasse",
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
        # error messages and warnings: parameter names, code and Python values as in English
        "error.not_a_number": "{name} harus berupa angka, bukan {kind} {value!r}; ubah teks menjadi angka dulu "
                              "(misalnya float(s)).",
        "error.not_finite": "{name} berisi {value!r}; buang atau isi (imputasi) nilai yang hilang dan tak "
                            "berhingga dulu.",
        "error.not_a_vector": "{name} harus berupa barisan angka seperti [1.0, 2.0], bukan {kind}.",
        "error.empty_vector": "{name} kosong; berikan sedikitnya satu angka.",
        "error.not_a_matrix": "{name} harus berupa list berisi observasi (baris-baris angka), bukan {kind}.",
        "error.empty_matrix": "{name} kosong; berikan sedikitnya {min_rows} observasi.",
        "error.too_few_rows": "{name} berisi {rows} observasi, padahal diperlukan sedikitnya {min_rows}.",
        "error.not_a_row": "{name}[{i}] adalah {kind} {row!r}, bukan baris angka; berikan setiap observasi "
                           "sebagai list berisi angka.",
        "error.empty_row": "{name}[0] adalah baris kosong; setiap observasi memerlukan nilai.",
        "error.ragged": "panjang baris-baris {name} tidak sama: baris 0 berisi {width} nilai, tetapi baris {i} "
                        "berisi {got}; setiap observasi harus mempunyai variabel yang sama banyak.",
        "error.not_whole": "{name} harus berupa bilangan bulat, bukan {value!r}.",
        "error.too_small": "{name} harus paling sedikit {minimum}, bukan {value}.",
        "error.too_large": "{name} harus paling banyak {maximum}, bukan {value}.",
        "error.unknown_choice": "nilai {value!r} untuk {name} tidak dikenal; gunakan salah satu dari {listed}.",
        "error.not_offered": "{function} di clusterlab tidak menyediakan {name}={value!r} (opsi dari scipy); "
                             "{hint}",
        "error.got_not_a_list": "bukan list",
        "error.got_names": "berisi {count} nama",
        "error.got_entries": "berisi {count} entri",
        "error.got_none": "tidak ada",
        "error.table_row": "setiap baris perlu {ncol} sel, sama banyak dengan baris judul.",
        "error.table_align": "align perlu satu 'l' atau 'r' untuk setiap kolom ({ncol}), bukan {align!r}.",
        "error.correlation_features": "korelasi memerlukan observasi dengan sedikitnya 2 variabel.",
        "error.correlation_constant": "jarak korelasi tidak terdefinisi untuk observasi yang konstan (simpangan "
                                      "baku baris {i} adalah 0); buang baris yang konstan atau gunakan ukuran "
                                      "jarak lain.",
        "error.metric_value": "metric mengembalikan {d!r} untuk observasi {u} dan {v}; fungsi itu harus "
                              "mengembalikan angka berhingga >= 0.",
        "error.metric_type": "metric harus berupa nama seperti 'euclidean' atau sebuah fungsi, bukan {metric!r}.",
        "error.same_features": "u berisi {u} nilai, tetapi v berisi {v}; kedua observasi harus mempunyai "
                               "variabel yang sama.",
        "error.weight_count": "w berisi {w} bobot, tetapi observasinya mempunyai {p} variabel; berikan satu bobot "
                              "untuk setiap variabel.",
        "error.weight_negative": "w berisi bobot negatif; bobot harus >= 0.",
        "error.weight_zero": "w semuanya nol; sedikitnya satu variabel harus berbobot positif.",
        "error.hint_pdist_out": "fungsi ini mengembalikan list baru.",
        "error.pdist_options": "pdist di clusterlab tidak menerima opsi untuk ukuran jaraknya (diberi {names}); "
                               "untuk memberi bobot pada variabel, skalakan dulu kolom-kolom X (dengan akar "
                               "kuadrat bobotnya, untuk euclidean), atau berikan metric=lambda u, v: "
                               "euclidean(u, v, w).",
        "error.condensed_length": "daftar jarak bentuk ringkas berisi n(n-1)/2 entri, tetapi {m} tidak berbentuk "
                                  "demikian (panjang yang sah: 1, 3, 6, 10, 15, ...); berikan keluaran pdist.",
        "error.squareform_type": "X harus berupa daftar jarak bentuk ringkas atau matriks persegi, bukan {kind}.",
        "error.squareform_force": "force={force!r}, tetapi X adalah {kind}; gunakan force='no' untuk mengubah ke "
                                  "kedua arah.",
        "error.kind_square_matrix": "matriks persegi",
        "error.kind_condensed": "daftar bentuk ringkas",
        "error.not_square": "X adalah matriks {n} × {m}; matriks jarak harus persegi.",
        "error.diagonal": "X[{i}][{i}] bernilai {value}; diagonal matriks jarak berisi nol.",
        "error.not_symmetric": "X tidak simetris: X[{i}][{j}] != X[{j}][{i}].",
        "error.no_finite": "tidak ada lagi jarak yang berhingga; periksa apakah masukannya berisi nilai inf "
                           "atau NaN.",
        "error.too_far": "{name} menghasilkan jarak hingga {biggest!r}, di atas {limit:g}; skalakan ulang datanya "
                         "(misalnya bagi dengan nilai terbesarnya).",
        "warning.distance_matrix": "{name} adalah matriks persegi yang simetris dengan nol pada diagonalnya: "
                                   "tampak seperti matriks jarak, tetapi baris-barisnya dibaca sebagai observasi "
                                   "(titik). Untuk mengklaster jarak-jarak ini berikan squareform(D), daftar "
                                   "bentuk ringkasnya; atau berikan observasinya sendiri.",
        "error.method_type": "method harus berupa nama seperti 'single', bukan {method!r}.",
        "error.linkage_input": "{name} harus berupa observasi (list berisi baris-baris angka) atau daftar jarak "
                               "bentuk ringkas, bukan {kind}.",
        "error.linkage_empty": "{name} kosong; berikan sedikitnya 2 observasi.",
        "error.negative_distance": "{name}[{i}] bernilai {d}, padahal jarak tidak mungkin negatif; berikan "
                                   "keluaran pdist (list datar dibaca sebagai jarak bentuk ringkas).",
        "error.euclidean_only": "method={method!r} memerlukan jarak Euclidean, tetapi metric={metric!r}; gunakan "
                                "metric='euclidean' atau metode seperti 'average'.",
        "error.merge_steps_size": "merge_steps menampilkan matriks untuk paling banyak {limit} observasi, tetapi "
                                  "diberi {n}; gunakan linkage untuk data yang lebih besar.",
        "error.merge_labels": "labels harus memberi satu nama untuk setiap observasi ({n}).",
        "error.merge_labels_distinct": "nama-nama dalam labels harus berbeda agar klaster-klasternya dapat "
                                       "dibedakan.",
        "error.hint_optimal_ordering": "penggabungannya sama saja tanpa opsi itu; hanya urutan daunnya yang "
                                       "berbeda.",
        "error.linkage_columns": "{name} harus mempunyai 4 kolom [id1, id2, height, size], bukan {got}; berikan "
                                 "keluaran linkage.",
        "error.linkage_id": "{name}[{i}] memakai id klaster {v:g}, padahal baris {i} hanya boleh memakai id "
                            "0..{last} (observasi, lalu baris-baris sebelumnya); berikan keluaran linkage.",
        "error.linkage_reused": "{name}[{i}] memakai klaster {v} untuk kedua kalinya; setiap klaster hanya "
                                "digabung sekali. Berikan keluaran linkage.",
        "error.linkage_negative": "{name}[{i}] mempunyai tinggi negatif {h}; tinggi adalah jarak >= 0.",
        "error.linkage_size": "{name}[{i}] menyebut ukuran {s:g}, padahal klaster {a} dan {b} berisi {size} "
                              "observasi; berikan keluaran linkage.",
        "error.hint_monocrit": "gunakan criterion='maxclust', 'distance', atau 'inconsistent'.",
        "error.grid_empty": "figures kosong; berikan paling sedikit satu Figure.",
        "error.grid_not_figure": "figures[{i}] adalah {kind}, bukan Figure; berikan apa yang dikembalikan scatter(), image(), ....",
        "error.no_criterion": "fcluster(Z, {t!r}) memerlukan kriteria. fcluster di scipy membacanya sebagai "
                              "criterion='inconsistent' (bawaannya), {scipy_says}, jadi panggilan yang sama tidak "
                              "memberi hasil yang sama di sana. Tulis criterion='maxclust' untuk paling banyak "
                              "{t!r} klaster, criterion='distance' untuk memotong pada tinggi {t!r}, atau "
                              "criterion='inconsistent' untuk bawaan scipy.",
        "error.scipy_gives": "yang di sini menghasilkan {k} klaster",
        "error.scipy_gives_one": "yang di sini menghasilkan {k} klaster",
        "error.scipy_not_a_number": "yang bukan banyaknya klaster",
        "error.inconsistent_R": "R harus mempunyai satu baris [mean, std, count, coefficient] untuk setiap baris "
                                "Z ({rows}), tetapi berisi {got} baris dengan {cols} angka; berikan "
                                "inconsistent(Z).",
        "error.negative_cut": "t bernilai {t}, padahal tinggi potongan harus >= 0.",
        "error.cut_both": "berikan n_clusters atau height, jangan keduanya.",
        "error.height_type": "height harus berupa angka atau list berisi angka, bukan {height!r}.",
        "error.height_empty": "height kosong; berikan sebuah angka atau list berisi angka.",
        "error.n_clusters_type": "n_clusters harus berupa bilangan bulat atau list berisi bilangan bulat, bukan "
                                 "{n_clusters!r}.",
        "error.n_clusters_empty": "n_clusters kosong; berikan sebuah bilangan bulat atau list berisi bilangan "
                                  "bulat.",
        "error.hint_dendrogram_tree": "gambar seluruh pohonnya dengan clusterlab.plot.dendrogram, atau potong "
                                      "dengan fcluster.",
        "error.hint_dendrogram_draw": "fungsi ini hanya menghitung koordinatnya; clusterlab.plot.dendrogram yang "
                                      "menggambarnya.",
        "error.dendrogram_labels": "labels harus memberi satu nama untuk setiap observasi ({n}); yang diberikan: "
                                   "{got}.",
        "error.row_names": "row_names berisi {got} nama, tetapi ada {n} observasi.",
        "error.sample_weight_count": "sample_weight berisi {got} nilai, tetapi X berisi {n} observasi; berikan "
                                     "satu bobot untuk setiap observasi.",
        "error.sample_weight_negative": "sample_weight berisi nilai negatif; bobot harus >= 0.",
        "error.sample_weight_zero": "sample_weight semuanya nol; sedikitnya satu observasi harus berbobot "
                                    "positif.",
        "error.invalid_parameter": "Parameter {name!r} tidak sah untuk estimator {estimator!r}. Parameter yang "
                                   "sah: {valid!r}.",
        "error.too_many_clusters": "n_clusters={k}, tetapi X hanya berisi {n} observasi; pilih "
                                   "n_clusters <= {n}.",
        "error.init_wrapped": "{error} (init harus 'k-means++', 'random', atau list berisi {k} centroid)",
        "error.init_shape": "init berbentuk ({rows}, {cols}), padahal harus ({k}, {d}): satu baris untuk setiap "
                            "klaster, satu nilai untuk setiap variabel.",
        "error.n_init": "n_init harus 'auto' atau bilangan bulat >= 1, bukan {n_init!r}.",
        "warning.n_init_changed": "centroid awal diberikan secara eksplisit, jadi n_init={n_init} diubah menjadi "
                                  "1 (setiap percobaan akan memberi hasil yang sama).",
        "error.tol_negative": "tol harus >= 0, bukan {tol}; gunakan 0 agar berhenti hanya ketika tidak ada label "
                              "yang berubah.",
        "error.random_state": "random_state harus berupa seed bilangan bulat atau None, bukan {value!r}.",
        "error.copy_x": "copy_x harus True atau False, bukan {value!r}.",
        "error.verbose": "verbose={value!r} tidak disediakan: setiap iterasi dari percobaan terbaik tersimpan di "
                         "history_ setelah fit (history_table(km, step) mencetak salah satunya); gunakan "
                         "verbose=0.",
        "warning.duplicates": "X hanya berisi {distinct} observasi yang berbeda, tetapi n_clusters={k}; beberapa "
                              "klaster akan identik. Gunakan n_clusters <= banyaknya observasi yang berbeda.",
        "warning.fewer_clusters": "Banyaknya klaster berbeda yang ditemukan ({found}) lebih kecil daripada "
                                  "n_clusters ({k}).",
        "error.not_fitted": "KMeans ini belum dicocokkan; panggil fit(X) sebelum {what}(X).",
        "error.not_fitted_history": "KMeans ini belum dicocokkan; panggil fit(X) sebelum history_table.",
        "error.features_changed": "X berisi {got} variabel, tetapi modelnya dicocokkan dengan {p}; berikan "
                                  "variabel yang sama seperti pada fit.",
        "error.label_count": "labels berisi {got} entri, tetapi X berisi {n} observasi; berikan satu label untuk "
                             "masing-masing.",
        "error.labels_type": "labels harus berupa list berisi nomor klaster, bukan {kind}.",
        "error.pixels_type": "pixels harus berupa byte 8-bit mentah (bytes, bytearray, atau memoryview), bukan "
                             "{kind}; dari canvas gunakan ImageData.data, dari Pillow "
                             "img.convert('RGB').tobytes().",
        "error.channels": "channels harus 3 (RGB) atau 4 (RGBA), bukan {channels}.",
        "error.pixels_size": "pixels berisi {got} byte, tetapi width*height*channels = "
                             "{width}*{height}*{channels} = {expected}; periksa ukuran gambar dan banyaknya "
                             "kanal (4 untuk RGBA, 3 untuk RGB).",
        "error.tol_number": "tol harus berupa angka >= 0, bukan {tol!r}.",
        "warning.few_colours": "gambar ini hanya mempunyai {distinct} warna yang berbeda, lebih sedikit daripada "
                               "k={k}; paletnya berisi {distinct} warna itu.",
        "error.mse": "mse harus berupa angka >= 0 (galat kuadrat rata-rata), bukan {mse!r}.",
        "error.unknown_feature": "{what} {feature!r} tidak dikenal; gunakan salah satu dari {listed} (atau "
                                 "posisinya, dihitung dari 0).",
        "error.what_column": "kolom",
        "error.what_feature": "variabel",
        "error.columns_type": "columns harus berupa list berisi nama atau posisi variabel seperti "
                              "['petal_length', 'petal_width'], bukan {kind}.",
        "error.columns_empty": "columns kosong; sebutkan sedikitnya satu dari {names}.",
        "error.columns_twice": "columns {columns!r} menyebut variabel yang sama dua kali.",
        "error.matrix_file": "{file} bukan berkas matriks clusterlab (versi 1).",
        "error.matrix_size": "{file} berisi {got} nilai, padahal seharusnya {rows} × {cols}.",
        "error.nci60_labels": "nci60_labels.txt berisi {labels} label untuk {rows} baris.",
        "error.photo_file": "{file} bukan berkas foto RGB clusterlab (versi 1).",
        "error.photo_size": "{file} berisi {got} byte, padahal seharusnya {width} × {height} × 3.",
        "error.photo_name_type": "name harus berupa nama foto seperti 'coffee', bukan {kind}.",
        "error.unknown_photo": "foto {name!r} tidak dikenal; gunakan salah satu dari {listed}.",
        "error.frame_type": "frames[{i}] adalah {kind}, yang tidak dapat ditampilkan; berikan gambar dari "
                            "clusterlab.plot, objek dengan _repr_svg_ atau _repr_html_, atau string "
                            "(ditampilkan sebagai teks praformat).",
        "error.frames_type": "frames harus berupa list berisi bingkai, bukan {kind}; untuk satu bingkai tulis "
                             "[frame].",
        "error.frames_empty": "frames kosong; berikan sedikitnya satu bingkai (gambar, objek HTML, atau string).",
        "error.captions_type": "captions harus berupa list berisi satu string untuk setiap bingkai, bukan {kind}.",
        "error.captions_count": "captions berisi {got} entri, tetapi ada {n} bingkai; berikan satu keterangan "
                                "untuk setiap bingkai.",
        "error.caption_type": "captions[{i}] adalah {kind}; keterangan harus berupa string (atau None).",
        "error.title_type": "title harus berupa string atau None, bukan {kind}.",
        "error.names_for_labels": "names berisi {got} entri, tetapi ada {n} label; berikan satu nama untuk "
                                  "masing-masing.",
        "error.label_not_below_k": "label {label} tidak lebih kecil daripada k={k}; label bernilai 0 sampai k-1.",
        "error.names_for_X": "names berisi {got} entri, tetapi X berisi {n} observasi; berikan satu nama untuk "
                             "masing-masing.",
        "error.no_history": "model ini tidak mempunyai history_: cocokkan dulu (KMeans(...).fit(X)); hanya "
                            "KMeans clusterlab yang sudah dicocokkan yang dapat diputar langkah demi langkah.",
        "error.X_changed": "X berisi {got} observasi, tetapi modelnya dicocokkan pada {n}; berikan X yang sama "
                           "seperti pada fit.",
        "error.iterations_empty": "iterations kosong; berikan sedikitnya satu pasangan (centroids, labels).",
        "error.not_callable": "{name} harus berupa fungsi Anda {name}({args}), bukan {kind}; berikan fungsinya "
                              "sendiri, tanpa ().",
        "error.init_variables": "init berisi {got} angka per centroid, tetapi X mempunyai {p} variabel; berikan "
                                "satu untuk setiap variabel.",
        "error.iteration": "iterasi {it}: {problem}",
        "error.empty_series": "y adalah dict kosong; berikan sedikitnya satu deret {{name: values}}.",
        "error.series_length": "deret {name!r} berisi {got} nilai, tetapi deret pertama berisi {m}; semua deret "
                               "harus sama panjang.",
        "error.x_length": "x berisi {got} nilai, tetapi y berisi {m}; berikan satu x untuk setiap nilai y.",
        "error.cut_and_n_clusters": "berikan cut (sebuah tinggi) atau n_clusters (banyaknya klaster), jangan "
                                    "keduanya.",
        "error.Z_columns": "Z berisi {cols} kolom; matriks dari linkage berisi 4 kolom (id1, id2, height, size) "
                           "untuk setiap penggabungan, seperti yang dikembalikan linkage().",
        "error.labels_for_Z": "labels {got}, tetapi Z menggabungkan {n} observasi; berikan satu nama untuk "
                              "masing-masing.",
        "error.dict_lacks": "dict dendrogram tidak memuat {missing}; berikan dict yang dikembalikan "
                            "clusterlab.hierarchy.dendrogram(Z) (atau milik scipy, dengan no_plot=True), atau "
                            "berikan Z itu sendiri.",
        "error.dict_sizes": "dict dendrogram berisi {icoord} baris icoord, {dcoord} baris dcoord, dan {leaves} "
                            "daun; seharusnya ada n-1 sambungan untuk n daun.",
        "error.coords_rows": "setiap baris {name} perlu 4 angka (sudut-sudut satu sambungan).",
        "error.dict_labels_leaves": "labels berisi {got} nama, tetapi dendrogramnya mempunyai {leaves} daun.",
        "error.dict_labels_observations": "labels berisi {got} nama, tetapi dendrogramnya mempunyai {leaves} "
                                          "daun; berikan satu nama untuk setiap observasi.",
        "error.not_a_tree": "sambungan {j} dalam dict dendrogram tidak berdiri di atas dua simpul di bawahnya, "
                            "jadi icoord/dcoord tidak membentuk pohon; berikan dict yang dikembalikan "
                            "dendrogram(Z) tanpa diubah.",
        "error.save_path": "path {path!r} harus berakhiran .svg atau .html; untuk PNG, buka berkas .svg di "
                           "peramban lalu ambil tangkapan layar.",
        "error.D_type": "D harus berupa matriks (list berisi baris-baris angka), bukan {kind}.",
        "error.D_empty": "D kosong; berikan sedikitnya satu baris angka.",
        "error.D_row": "D[{i}] adalah {row!r}, bukan baris angka; D harus dua dimensi.",
        "error.D_ragged": "panjang baris-baris D tidak sama: baris 0 berisi {width} nilai, tetapi baris {i} "
                          "berisi {got}.",
        "error.D_empty_row": "D[0] adalah baris kosong.",
        "error.names_for_D": "{name} {got}, tetapi D berukuran {count}; berikan satu nama untuk masing-masing.",
        "error.highlight": "highlight harus berupa sel (i, j) atau list berisi sel, bukan {highlight!r}.",
        "error.name_highlight_row": "baris highlight",
        "error.name_highlight_column": "kolom highlight",
        "error.palette_type": "palette harus berupa list berisi warna, bukan {kind}.",
        "error.palette_empty": "palette kosong; berikan sedikitnya satu warna.",
        "error.counts_length": "counts berisi {got} nilai, tetapi palette berisi {k} warna; berikan satu jumlah "
                               "untuk setiap warna.",
        "error.counts_negative": "counts tidak boleh negatif.",
        "error.pixel_values_size": "pixels berisi {got} nilai, tetapi width*height*channels = "
                                   "{width}*{height}*{channels} = {expected}; periksa width, height, dan channels "
                                   "(RGB 3 kanal, RGBA 4).",
        "error.pixels_list_type": "pixels harus berupa bytes atau list berisi bilangan bulat 0-255, bukan {kind}.",
        "error.pixel_type": "pixels[{i}] adalah {px!r}; berikan list datar berisi nilai 0-255 atau satu tuple "
                            "({channels} nilai) untuk setiap piksel.",
        "error.pixel_channels": "pixels[{i}] berisi {got} nilai, tetapi channels={channels}; berikan setiap "
                                "piksel kanal yang sama banyak.",
        "error.pixel_range": "pixels harus berisi bilangan bulat dari 0 sampai 255 (nilai kanal 8-bit); bulatkan "
                             "dan batasi dulu, misalnya min(255, max(0, round(v))).",
        "error.scale": "scale harus positif, bukan {scale}; gunakan 1 untuk ukuran aslinya.",
        "error.point_labels_type": "{name} harus berupa list dengan satu label untuk setiap titik (misalnya "
                                   "[0, 1, 1]), bukan {kind}.",
        "error.point_labels_count": "{name} berisi {got} entri, tetapi X berisi {n} titik; berikan tepat satu "
                                    "label untuk setiap titik.",
        "error.label_nan": "{name}[{i}] bernilai nan; setiap titik memerlukan label klaster.",
        "error.label_unhashable": "{name}[{i}] adalah {kind} {label!r}; label harus berupa angka atau string.",
        "error.colour_format": "{name} adalah {c!r}; berikan warna sebagai '#rrggbb' atau (r, g, b) dengan nilai "
                               "0-255.",
        "error.colour_range": "{name} adalah {c!r}; nilai warna harus di antara 0 dan 255 (kalikan nilai 0-1 "
                              "dengan 255).",
        "error.scatter_dim": "X berisi {dim} variabel per titik, padahal scatter menggambar 1 atau 2; pilih dua "
                             "kolom, misalnya [[row[0], row[1]] for row in X], atau gunakan scatter_matrix(X).",
        "error.centers_features": "centers berisi {got} variabel, tetapi X berisi {dim}; berikan satu centroid "
                                  "untuk setiap klaster, dengan variabel yang sama seperti titik-titiknya.",
        "error.label_names_type": "label_names harus berupa dict dari label ke nama, seperti {{-1: 'noise'}}, "
                                  "bukan {kind}.",
        "error.point_texts": "point_labels {got}, tetapi X berisi {n} titik; berikan satu teks untuk setiap "
                             "titik (string seperti 'ABCDE' bisa dipakai untuk huruf tunggal).",
        "error.matrix_one_feature": "X hanya berisi 1 variabel; scatter_matrix memerlukan sedikitnya 2 kolom. "
                                    "Gunakan scatter(X) untuk data satu dimensi.",
        "error.matrix_many_features": "X berisi {p} variabel; scatter_matrix menggambar paling banyak 12 (pilih "
                                      "kolom-kolomnya).",
        "error.labels_or_colors": "berikan labels (warna menurut klaster) atau colors (satu warna untuk setiap "
                                  "titik), jangan keduanya.",
        "error.matrix_width": "lebar {width} terlalu kecil untuk {p} variabel; berikan width yang lebih besar.",
        "error.rgb_columns": "colors=\"rgb\" memerlukan X dengan 3 kolom (R, G, B 0-255).",
        "error.colors_count": "colors {got}, tetapi X berisi {n} titik; berikan satu warna untuk setiap titik "
                              "atau colors='rgb'.",
        "error.feature_names_count": "feature_names berisi {got} nama, tetapi X berisi {p} variabel; berikan "
                                     "satu untuk setiap kolom.",
        "dataset.head": "Dataset({name!r}, {rows} × {features}{image}{target})",
        "dataset.rows": "{n} baris",
        "dataset.rows_one": "{n} baris",
        "dataset.features": "{n} variabel",
        "dataset.features_one": "{n} variabel",
        "dataset.image": ", gambar {width} × {height} piksel",
        "dataset.target": ", target dengan {k} kelas",
        "dataset.target_one": ", target dengan {k} kelas",
    },
}
# fmt: on

_current = DEFAULT


def set_language(code: str) -> None:
    """Show clusterlab's words in language ``code``: ``"en"`` (the default), ``"nb"`` or ``"id"``.

    Captions, buttons, printed tables, the checks' answers, figures'
    default labels, titles and descriptions, and clusterlab's error messages
    and warnings made after this call use the language; code and variable
    names stay as they are.  A code clusterlab does not know is refused in
    English, the one message every reader of the course can be assumed to
    follow whatever language was set before.
    """
    global _current
    if not isinstance(code, str) or code not in WORDS:
        choices = ", ".join(f"{c!r} ({name})" for c, name in LANGUAGES.items())
        raise ValueError(f"clusterlab has no words in language {code!r}; choose one of {choices}.")
    _current = code


def get_language() -> str:
    """The code of the language clusterlab shows its words in: ``"en"``, ``"nb"`` or ``"id"``."""
    return _current


#: The language is a reader's setting: a host that runs several readers' code
#: in one Python (the course's cell runner, ``livecells.runner``) keeps one per
#: reader through these.
__session_state__ = (get_language, set_language, DEFAULT)


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


def decimals(x, places: int) -> str:
    """``x`` with ``places`` decimals, :func:`readable` (the numbers of printed tables).

    >>> with speaking("nb"):
    ...     decimals(2 / 3, 2)
    '0,67'
    """
    return readable(f"{x:.{places}f}")


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
    """Within the block, clusterlab's words (its error messages too) are in language ``code``."""
    global _current
    saved = _current
    set_language(code)
    try:
        yield
    finally:
        _current = saved
