// What a command says to the person at the terminal: plain lines on stdout, problems on stderr. This is the
// command's user interface, not logging (the server logs through pino); commands take an Output so tests
// can capture what they print.
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const terminal: Output = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};
