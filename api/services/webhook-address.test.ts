import { describe, expect, it } from 'vitest';
import { blockedPorts, undeliverable, undeliverableAddress } from './webhook-address';
import { webhookFailure } from './webhook-failure';
import { sendSigned } from './webhook-delivery';

describe('an address no delivery can reach', () => {
  it('is one with a port fetch blocks, or a user name or password in it; others may be tried', () => {
    expect(undeliverableAddress('http://127.0.0.1:9/hook')).toEqual(undeliverable.blockedPort);
    expect(undeliverableAddress('http://10.1.2.3:6000/hook')).toEqual(undeliverable.blockedPort);
    expect(undeliverableAddress('http://user:pw@10.1.2.3/hook')).toEqual(undeliverable.credentials);
    expect(undeliverableAddress('http://user@10.1.2.3/hook')).toEqual(undeliverable.credentials);
    for (const url of ['http://10.1.2.3/hook', 'https://10.1.2.3/hook', 'http://10.1.2.3:8080/hook', 'https://msg.bureau.local:8443/battlemap']) expect(undeliverableAddress(url), url).toBeNull();
  });

  it('is what fetch itself refuses, said as the test delivery says it', async () => {
    // A host that never resolves: a port fetch does not block fails on the name, never reaching anyone.
    for (const port of blockedPorts) {
      const { error } = await sendSigned(`http://nothing.invalid:${port}/hook`, '{}', 'the-secret-of-the-bureau', 'test', 1000);
      expect(webhookFailure(error ?? ''), `port ${port}`).toEqual(undeliverable.blockedPort);
    }
    const { error } = await sendSigned('http://user:pw@nothing.invalid/hook', '{}', 'the-secret-of-the-bureau', 'test', 1000);
    expect(webhookFailure(error ?? '')).toEqual(undeliverable.credentials);
  });
});
