// Loaded (`--import`) into a sync process by a test: it remembers the token main hands the
// process and, when main ends the process after its run, writes it to stderr in two chunks the
// way a crash trace naming a request would, after the run has finished.
let token = '';
process.on('message', (message) => {
  if (message?.type === 'token' && message.answer?.ok === true) token = message.answer.token ?? '';
});
process.on('SIGTERM', () => {
  const half = Math.floor(token.length / 2);
  process.stderr.write(`late crash trace: request with ${token.slice(0, half)}`);
  setTimeout(() => {
    process.stderr.write(`${token.slice(half)} failed\n`, () => process.exit(1));
  }, 50);
});
