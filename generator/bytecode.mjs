// Compiles the hot modules of a trimmed standard library with Pyodide's own
// CPython, for `generator/bytecode.py` (which says why). Node.js, no packages:
//
//   node bytecode.mjs PYODIDE_DIR STDLIB_ZIP SCORING_ZIP STDLIB_OUT SCORING_OUT
//
// Boots Pyodide from PYODIDE_DIR on STDLIB_ZIP, imports the scoring package
// from SCORING_ZIP as the scoring worker does, then writes both zips with
// their modules compiled (`bytecode_in_pyodide.py`): of the standard library
// the ones that loaded, of the scoring package all. Says how many.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlibZip, scoringZip, stdlibOut, scoringOut] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: stdlibZip,
  packages: [],
  env: { PYTHONNODEBUGRANGES: "1" },
});
const scoring = new Uint8Array(readFileSync(scoringZip));
py.unpackArchive(scoring, "zip", { extractDir: "/huddle" });
py.FS.writeFile("/tmp/scoring.zip", scoring);
// The modules loaded so far are the hot ones: noted before the compiler's own imports.
py.runPython("import sys; sys.path.insert(0, '/huddle'); import generator.scoring.api; hot = list(sys.modules.values())");
py.runPython(readFileSync(new URL("bytecode_in_pyodide.py", import.meta.url), "utf8"));
const compiled = py.runPython(`
stdlib = next(path for path in sys.path if path.endswith(".zip"))
ours = {name for name in zipfile.ZipFile("/tmp/scoring.zip").namelist() if name.endswith(".py")}
[compile_hot(stdlib, "/tmp/stdlib.zip", imported(stdlib, hot)), compile_hot("/tmp/scoring.zip", "/tmp/ours.zip", ours)]
`).toJs();
writeFileSync(stdlibOut, py.FS.readFile("/tmp/stdlib.zip"));
writeFileSync(scoringOut, py.FS.readFile("/tmp/ours.zip"));
console.log(`${compiled[0]} of the standard library's modules, ${compiled[1]} of Huddle's`);
