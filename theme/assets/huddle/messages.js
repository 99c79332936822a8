// The page's settings and sentences. Settings (the scorer's files, thresholds, sizes) and every
// sentence come from the build (theme/huddle-config.html, generator/scoring/strings.py) as JSON in
// the page, read here once for every script of the page (`config`). The sentences' `{name}`
// fields are filled in as Python's str.format would: `{{` and `}}` are braces, `{name}` a field.
// An Error made by `failure` carries a message key and its values, so it is said the same way.

export const config = JSON.parse(document.getElementById("huddle-config").textContent);

// The sentence `key`, with the element `parts[name]` in place of each `{name}` that names one (a
// link, say) and the text of `values[name]` in place of the others, as nodes to append.
export function sayWith(key, values, parts = {}) {
  return config.messages[key].split(/(\{\{|\}\}|\{\w+\})/).map((piece) => {
    if (piece === "{{" || piece === "}}") return piece[0];
    const name = piece.match(/^\{(\w+)\}$/)?.[1];
    if (!name) return piece;
    return parts[name] ?? String(values[name]);
  });
}

export const say = (key, values = {}) => sayWith(key, values).join("");

export function failure(key, values = {}) {
  return Object.assign(new Error(say(key, values)), { key, values });
}
