#!/usr/bin/env node
// Renders every display-math block and every inline formula of the given files with KaTeX and
// fails on any error. Blocks are $$…$$ (Markdown) and \[…\] (LaTeX); inline formulas are $…$
// (an escaped \$ is text), found after the blocks and LaTeX comment lines are removed. Usage:
//   NODE_PATH=/usr/share/nodejs node tools/katex-check.js file.md file.tex …
// Exit 0 when every block renders, 1 when one does not or a file holds no block at all.
'use strict';
const fs = require('fs');
const katex = require('katex');

let failures = 0;
let total = 0;
let inlineTotal = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const blocks = [];
  const pattern = /\$\$([\s\S]*?)\$\$|\\\[([\s\S]*?)\\\]/g;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    blocks.push(match[1] !== undefined ? match[1] : match[2]);
  }
  // Inline math: what remains once the display blocks and % comments are gone.
  const prose = text
    .replace(pattern, ' ')
    .split('\n')
    .filter((line) => !line.startsWith('%'))
    .join('\n');
  const inline = [];
  const inlinePattern = /(?<!\\)\$((?:[^$\\]|\\[\s\S])+?)\$/g;
  while ((match = inlinePattern.exec(prose)) !== null) inline.push(match[1]);
  inline.forEach((tex, index) => {
    total += 1;
    inlineTotal += 1;
    try {
      katex.renderToString(tex, { throwOnError: true, displayMode: false });
    } catch (error) {
      failures += 1;
      console.error(`${file}: inline formula ${index + 1}: ${error.message}`);
      console.error(tex.slice(0, 300));
    }
  });
  if (blocks.length === 0) {
    console.error(`${file}: no display math found`);
    failures += 1;
    continue;
  }
  blocks.forEach((tex, index) => {
    total += 1;
    try {
      katex.renderToString(tex, { throwOnError: true, displayMode: true });
    } catch (error) {
      failures += 1;
      console.error(`${file}: block ${index + 1}: ${error.message}`);
      console.error(tex.slice(0, 300));
    }
  });
}
console.log(`katex: ${total - inlineTotal} blocks, ${inlineTotal} inline formulas, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
