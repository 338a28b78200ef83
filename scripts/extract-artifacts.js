// Why: forge's out/ directory holds build metadata with absolute paths and
// timestamps. This script keeps only what is stable (ABI, creation and runtime
// bytecode) for every deployable contract under contracts/src, and writes the
// combined JSON abigen consumes.
'use strict';
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const out = path.join(root, 'contracts', 'out');
const artDir = path.join(root, 'contracts', 'artifacts');
const srcDir = path.join(root, 'contracts', 'src');

function listSol(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSol(path.join(dir, e.name)) : e.name.endsWith('.sol') ? [path.join(dir, e.name)] : []);
}

const combined = { contracts: {}, version: '' };
for (const f of fs.readdirSync(artDir)) if (f.endsWith('.json')) fs.unlinkSync(path.join(artDir, f));
for (const file of listSol(srcDir).sort()) {
  const base = path.basename(file);
  const dir = path.join(out, base);
  if (!fs.existsSync(dir)) continue;
  for (const j of fs.readdirSync(dir).sort()) {
    const a = JSON.parse(fs.readFileSync(path.join(dir, j), 'utf8'));
    const name = j.replace(/\.json$/, '');
    const bin = (a.bytecode && a.bytecode.object || '').replace(/^0x/, '');
    if (!bin || name.startsWith('I') && /^I[A-Z]/.test(name)) continue; // interfaces and abstract contracts
    if (a.abi.length === 0) continue; // libraries of internal functions (compiled into their users)
    const rel = path.relative(root, file);
    if (!combined.version && a.metadata) combined.version = a.metadata.compiler.version;
    const art = { contractName: name, sourceName: rel, abi: a.abi, bytecode: '0x' + bin,
      deployedBytecode: a.deployedBytecode.object };
    fs.writeFileSync(path.join(artDir, name + '.json'), JSON.stringify(art, null, 1) + '\n');
    combined.contracts[rel + ':' + name] = { abi: a.abi, bin };
  }
}
fs.writeFileSync(path.join(artDir, 'combined.json'), JSON.stringify(combined, null, 1) + '\n');
