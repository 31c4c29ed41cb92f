import { createServer, Server } from 'node:http';
import { loadConfig } from '../../subgraphs/kernel/config';
import { closeServer, freePort, listen } from '../../subgraphs/kernel/server/http';
import { streamFromPlatform } from '../../subgraphs/kernel/service-client';

// A service stream (a reflow's pages) arrives as JSON lines cut into TCP chunks wherever the network
// cuts them: inside a line, inside a multi-byte character, or with several lines in one chunk. The
// receiving platform must get every line whole, and a line cut off by the end of the stream is an
// outage, never a page.
let server: Server;
let chunksToSend: Buffer[] = [];
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', async () => {
      response.writeHead(200, { 'content-type': 'application/x-ndjson' });
      for (const chunk of chunksToSend) {
        response.write(chunk);
        // Each write its own TCP segment: the reader sees the cuts the test made.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      response.end();
    });
  });
  const port = await listen(server, await freePort(), '127.0.0.1');
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(() => closeServer(server));

const config = () => loadConfig({ NODE_ENV: 'test', REGION_URL: url, PLATFORM_CALL_TIMEOUT_MS: '5000' });

/** Sends `body` cut at `cuts` and reads it as the receiving platform does, each line into `lines` as it comes. */
async function linesOf(body: Buffer, cuts: number[], lines: unknown[] = []): Promise<unknown[]> {
  chunksToSend = [...cuts, body.length].map((end, i, ends) => body.subarray(i === 0 ? 0 : ends[i - 1], end));
  for await (const line of streamFromPlatform(config(), 'REGION', { path: '/reflow/changes', body: {}, authorization: 'Bearer x', requestId: 'r' })) lines.push(line);
  return lines;
}

const PAGES = [{ rows: [['呼和浩特市', '新城区']] }, { rows: [['包头市']] }, { rows: [] }];
const STREAM = Buffer.from(PAGES.map((page) => `${JSON.stringify(page)}\n`).join(''));

describe('a service stream read by the receiving platform', () => {
  it('gives every line whole, however the bytes are cut', async () => {
    const insideCharacter = STREAM.indexOf(Buffer.from('和')) + 1;
    const secondLineEnd = STREAM.indexOf('\n', STREAM.indexOf('\n') + 1) + 1;
    expect(await linesOf(STREAM, [3, insideCharacter, insideCharacter + 1])).toEqual(PAGES);
    // The second and third lines together in one chunk, and the first cut at its newline.
    expect(await linesOf(STREAM, [STREAM.indexOf('\n')])).toEqual(PAGES);
    expect(await linesOf(STREAM, [1, secondLineEnd - 1])).toEqual(PAGES);
    // One byte at a time.
    expect(await linesOf(STREAM, Array.from({ length: STREAM.length - 1 }, (_, i) => i + 1))).toEqual(PAGES);
  });

  it('treats a line cut off by the end of the stream as the platform not answering, after the whole lines before it', async () => {
    const cutOff = STREAM.subarray(0, STREAM.length - 3);
    const received: unknown[] = [];
    await expect(linesOf(cutOff, [], received)).rejects.toMatchObject({ extensions: { code: 'PLATFORM_UNAVAILABLE' }, message: expect.stringContaining('ended within a line') });
    expect(received).toEqual(PAGES.slice(0, 2));
  });

  it("turns an error line into the source's error, with its code", async () => {
    const refusal = Buffer.from(`${JSON.stringify(PAGES[0])}\n${JSON.stringify({ errors: [{ message: 'the grant has ended', extensions: { code: 'FORBIDDEN' } }] })}\n`);
    await expect(linesOf(refusal, [10])).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'region platform: the grant has ended' });
  });
});
