// The page's sentences come from the build (generator/scoring/strings.py), as
// JSON in the page; this only fills in their `{name}` fields. An Error made by
// `failure` carries a message key and its values, so it is said the same way.

const config = JSON.parse(document.getElementById("huddle-config").textContent);

// As Python's str.format: `{{` and `}}` are braces, `{name}` a field.
export function say(key, values = {}) {
  return config.messages[key].replace(/\{\{|\}\}|\{(\w+)\}/g, (brace, name) =>
    name === undefined ? brace[0] : String(values[name])
  );
}

// The sentence `key`, with the element `parts[name]` in place of each `{name}`
// that names one (a link, say), as nodes to append.
export function sayWith(key, values, parts) {
  return config.messages[key]
    .split(/(\{\{|\}\}|\{\w+\})/)
    .map((piece) => {
      if (piece === "{{" || piece === "}}") return piece[0];
      const name = piece.match(/^\{(\w+)\}$/)?.[1];
      if (!name) return piece;
      return parts[name] ?? String(values[name]);
    });
}

export function failure(key, values = {}) {
  return Object.assign(new Error(say(key, values)), { key, values });
}
