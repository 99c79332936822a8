// Compiles the hot modules of a trimmed standard library with Pyodide's own
// CPython, for `generator/bytecode.py` (which says why). Node.js, no packages:
//
//   node bytecode.mjs PYODIDE_DIR STDLIB_ZIP SCORING_ZIP OUT_ZIP
//
// Boots Pyodide from PYODIDE_DIR on STDLIB_ZIP, imports the scoring package
// from SCORING_ZIP as the scoring worker does, then writes OUT_ZIP with
// `bytecode_in_pyodide.py`. Prints how many modules it compiled.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlibZip, scoringZip, outZip] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: stdlibZip,
  packages: [],
  env: { PYTHONNODEBUGRANGES: "1" },
});
py.unpackArchive(new Uint8Array(readFileSync(scoringZip)), "zip", { extractDir: "/huddle" });
// The modules loaded so far are the hot ones: noted before the compiler's own imports.
py.runPython("import sys; sys.path.insert(0, '/huddle'); import generator.scoring.api; hot = list(sys.modules.values())");
py.runPython(readFileSync(new URL("bytecode_in_pyodide.py", import.meta.url), "utf8"));
const compiled = py.runPython(`
stdlib = next(path for path in sys.path if path.endswith(".zip"))
compile_hot(stdlib, "/tmp/compiled.zip", imported(stdlib, hot))
`);
writeFileSync(outZip, py.FS.readFile("/tmp/compiled.zip"));
console.log(compiled);
