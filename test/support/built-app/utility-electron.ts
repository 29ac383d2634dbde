/** `electron` inside the built sync process: its `net.fetch` is Node's fetch. */
export const net = { fetch: (input: string | Request, init?: RequestInit) => fetch(input, init) };
