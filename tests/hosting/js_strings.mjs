// The string literals and template strings of JavaScript files, as a JavaScript engine
// reads them: parsed by acorn (npm, exact version in package-lock.json), so comments,
// regular expressions and strings are told apart by the grammar, not by patterns.
//
// Usage: node js_strings.mjs FILE...
// Prints JSON: {"FILE": {"strings": [...]}} or {"FILE": {"error": "..."}} when a file
// parses neither as a module nor as a classic script.
import { readFileSync } from "node:fs";
import { parse } from "acorn";

function syntaxTree(code) {
  const options = { ecmaVersion: "latest", allowHashBang: true };
  try {
    return parse(code, { ...options, sourceType: "module" });
  } catch (moduleError) {
    // Classic scripts (Material's bundle) may use what modules forbid.
    return parse(code, { ...options, sourceType: "script" });
  }
}

function stringsOf(tree) {
  const found = [];
  const pending = [tree];
  while (pending.length) {
    const node = pending.pop();
    if (node.type === "Literal" && typeof node.value === "string") found.push([node.start, node.value]);
    if (node.type === "TemplateElement") found.push([node.start, node.value.cooked ?? node.value.raw]);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === "string") pending.push(item);
      } else if (value && typeof value.type === "string") {
        pending.push(value);
      }
    }
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, text]) => text); // in source order
}

const report = {};
for (const file of process.argv.slice(2)) {
  try {
    report[file] = { strings: stringsOf(syntaxTree(readFileSync(file, "utf8"))) };
  } catch (error) {
    report[file] = { error: String(error) };
  }
}
process.stdout.write(JSON.stringify(report));
