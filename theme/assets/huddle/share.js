// A result code on the page: shown in its read-only field, selected, and copied with
// "Copy code" (or left selected for the person to copy, where the browser refuses).

import { say } from "./messages.js";

export function codeBox(root) {
  const box = root.querySelector("[data-huddle-code-box]");
  const field = root.querySelector("[data-huddle-code]");
  const said = root.querySelector("[data-huddle-copy-status]");
  root.querySelector("[data-huddle-copy]").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      said.textContent = say("code-copied");
    } catch {
      field.focus();
      field.select();
      said.textContent = say("code-not-copied");
    }
  });
  return {
    show(code) {
      field.value = code;
      said.textContent = "";
      box.hidden = false;
      field.focus();
      field.select();
    },
    hide() {
      box.hidden = true;
      field.value = "";
    },
    say(text) {
      said.textContent = text;
    },
  };
}

// Three random numbers for a code's nonce: equal answers from two people still give two codes.
export function nonce() {
  return [...crypto.getRandomValues(new Uint8Array(3))];
}
