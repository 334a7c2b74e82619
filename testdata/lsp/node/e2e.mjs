// Second real client for `tempguard lsp` (run by .ci/lsp-e2e.sh): the
// protocol library behind VS Code's language clients, over stdio.
// Usage: node e2e.mjs <tempguard binary> <Go file>
// Opens the file, waits for tempguard's diagnostics, requests the quick fix,
// applies its WorkspaceEdit with JavaScript string indices (which are UTF-16
// code units, independent of the server's conversion), saves the file,
// waits for the finding to go away, then shuts the server down.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, DidSaveTextDocumentNotification,
  PublishDiagnosticsNotification, CodeActionRequest, ShutdownRequest, ExitNotification,
  ShowMessageNotification,
} from 'vscode-languageserver-protocol/node.js';

const [bin, file] = process.argv.slice(2);
const uri = pathToFileURL(file).href;
const server = spawn(bin, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const fail = (msg) => { console.log(`FAIL: ${msg}`); server.kill(); process.exit(1); };
setTimeout(() => fail('timed out after 300s'), 300000).unref();

const published = [];
let waiter = null;
conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== uri) return;
  published.push(p);
  if (waiter && waiter.pred(p)) { const w = waiter; waiter = null; w.resolve(p); }
});
conn.onNotification(ShowMessageNotification.type, (p) => console.log(`server says: ${p.message}`));
const waitFor = (pred) => {
  const hit = published.find(pred);
  return hit ? Promise.resolve(hit) : new Promise((resolve) => { waiter = { pred, resolve }; });
};
conn.listen();

const init = await conn.sendRequest(InitializeRequest.type, {
  processId: process.pid, rootUri: pathToFileURL(dirname(file)).href, workspaceFolders: null,
  capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
});
if (init.serverInfo?.name !== 'tempguard') fail(`serverInfo ${JSON.stringify(init.serverInfo)}`);
await conn.sendNotification(InitializedNotification.type, {});

let text = readFileSync(file, 'utf8');
await conn.sendNotification(DidOpenTextDocumentNotification.type, {
  textDocument: { uri, languageId: 'go', version: 1, text },
});
const first = await waitFor((p) => p.version === 1);
const diag = first.diagnostics.find((d) => d.source === 'tempguard');
if (!diag) fail('no tempguard diagnostic');
console.log(`diagnostic: [${diag.code}] ${diag.message} at ${JSON.stringify(diag.range)}`);
if (diag.codeDescription?.href !== `https://github.com/tempguard/tempguard#${diag.code}`) fail('codeDescription.href');

// The range must select the flagged call in UTF-16 code units.
const lines = text.split('\n');
const line = lines[diag.range.start.line];
const want = line.indexOf('os.Create(');
if (want >= 0 && diag.range.start.character !== want) fail(`start character ${diag.range.start.character}, want ${want} (UTF-16)`);

const actions = await conn.sendRequest(CodeActionRequest.type, {
  textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] },
});
const action = (actions || []).find((a) => a.kind === 'quickfix' && a.edit);
if (!action) fail('no quickfix');
console.log(`code action: ${action.title}`);
const docEdit = action.edit.documentChanges?.find((d) => d.textDocument.uri === uri);
if (!docEdit || docEdit.textDocument.version !== 1) fail(`documentChanges ${JSON.stringify(action.edit)}`);

// Apply the edits from the end, with UTF-16 indices.
const offsetOf = (pos) => {
  let off = 0;
  for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
  return off + pos.character;
};
const edits = docEdit.edits.map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }))
  .map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i);
for (const e of edits) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
console.log(`fixed line: ${text.split('\n')[diag.range.start.line]}`);
writeFileSync(file, text);
await conn.sendNotification(DidChangeTextDocumentNotification.type, {
  textDocument: { uri, version: 2 }, contentChanges: [{ text }],
});
await conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
const after = await waitFor((p) => p.version === 2);
const still = after.diagnostics.find((d) => d.code === diag.code && d.range.start.line === diag.range.start.line);
if (still) fail(`finding still reported: ${still.message}`);
console.log(`diagnostic cleared (${after.diagnostics.length} tempguard diagnostics left)`);

await conn.sendRequest(ShutdownRequest.type);
await conn.sendNotification(ExitNotification.type);
const code = await new Promise((resolve) => server.on('exit', resolve));
if (code !== 0) fail(`server exit code ${code}`);
console.log('PASS');
process.exit(0);
