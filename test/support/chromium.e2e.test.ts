import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumArgs, executablePath, testRunArgs } from './chromium';

/**
 * The Chromium the browser tests and the benchmark's first render drive: what it turns off, and what it reaches.
 * The project runs with no outside network; the browser that tests it should not reach out either.
 */

/** The features a Chromium has turned off, as its chrome://version page says its command line's variations. */
async function featuresOffIn(browser: Browser): Promise<Set<string>> {
  const page = await browser.newPage();
  await page.goto('chrome://version/?show-variations-cmd');
  const variations = await page.locator('body').innerText();
  const off = /--disable-features="([^"]*)"/.exec(variations)?.[1];
  if (off === undefined) throw new Error(`no --disable-features in chrome://version: ${variations.slice(0, 500)}`);
  return new Set(off.split(',').filter((feature) => feature !== ''));
}

/** What a Chromium launched with Playwright's switches alone has off. */
async function featuresOffByPlaywright(): Promise<Set<string>> {
  const browser = await chromium.launch({ executablePath });
  try {
    return await featuresOffIn(browser);
  } finally {
    await browser.close();
  }
}

/** A net log's events, their types by name (the log's constants number them). */
interface NetLog {
  readonly constants: { readonly logEventTypes: Record<string, number> };
  readonly events: readonly { readonly type: number; readonly source: { readonly id: number }; readonly params?: Record<string, unknown> }[];
}

/** A log Chromium was closed before finishing has no closing brackets: they are added. */
const netLogOf = (text: string): NetLog => {
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    return JSON.parse(`${text.trimEnd().replace(/,$/, '')}]}`) as NetLog;
  }
};

/**
 * The addresses a net log's sockets sent to or connected over TCP to. A UDP socket merely connected, nothing sent, is
 * how Chromium learns which of its own addresses would be used, and reaches nothing.
 */
function addressesReached(log: NetLog): Set<string> {
  const typeOf = new Map(Object.entries(log.constants.logEventTypes).map(([name, type]) => [type, name]));
  const connected = new Map<number, string>();
  const reached = new Set<string>();
  for (const event of log.events) {
    const type = typeOf.get(event.type);
    const address = event.params?.['address'];
    if ((type === 'SOCKET_CONNECT' || type === 'UDP_CONNECT' || type === 'TCP_CONNECT_ATTEMPT') && typeof address === 'string') connected.set(event.source.id, address);
    if (type === 'TCP_CONNECT_ATTEMPT' && typeof address === 'string') reached.add(address);
    if (type === 'UDP_BYTES_SENT' || type === 'SOCKET_BYTES_SENT') reached.add(typeof address === 'string' ? address : (connected.get(event.source.id) ?? `socket ${event.source.id}`));
  }
  return reached;
}

describe('the tests’ and the benchmark’s Chromium', () => {
  let site: Server;
  let siteUrl: string;
  let folder: string;
  let playwrights: Set<string>;
  beforeAll(async () => {
    site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Battlemap</title><p>本地页面</p>'));
    await new Promise<void>((listening) => site.listen(0, '127.0.0.1', listening));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    folder = await mkdtemp(join(tmpdir(), 'battlemap-netlog-'));
    playwrights = await featuresOffByPlaywright();
    expect(playwrights.has('NetworkTimeServiceQuerying')).toBe(true);
  });
  afterAll(async () => {
    await new Promise((closed) => site.close(closed));
    await rm(folder, { recursive: true, force: true });
  });

  // Each launch with its switches: what its chrome://version says is off, and a net log from its start to a local page read.
  test.each([
    ['chromiumArgs', chromiumArgs],
    ['testRunArgs', testRunArgs],
  ] as const)('with %s, keeps off every feature Playwright turns off and its own, and reaches nothing but 127.0.0.1', async (name, args) => {
    const log = join(folder, `${name}.json`);
    const browser = await chromium.launch({ executablePath, args: [...args, `--log-net-log=${log}`] });
    try {
      const page = await browser.newPage();
      await page.goto(siteUrl);
      await expect.poll(() => page.locator('p').textContent()).toBe('本地页面');
      const ours = await featuresOffIn(browser);
      expect([...playwrights].filter((feature) => !ours.has(feature))).toEqual([]);
      expect(ours.has('WebUIOmniboxPopup')).toBe(true);
      // What Chromium asks for at its start (an update check, the accounts list, the time) goes out in its first second.
      await page.waitForTimeout(2000);
    } finally {
      await browser.close();
    }
    const reached = addressesReached(netLogOf(await readFile(log, 'utf8')));
    expect(reached.size).toBeGreaterThan(0);
    expect([...reached].filter((address) => !address.startsWith('127.0.0.1:'))).toEqual([]);
  });
});
