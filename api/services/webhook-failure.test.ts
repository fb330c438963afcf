import { describe, expect, it } from 'vitest';
import { webhookFailure } from './webhook-failure';

describe('a failed webhook delivery, said', () => {
  it('names the cause in Chinese and English for the errors a delivery records', () => {
    expect(webhookFailure('fetch failed (ECONNREFUSED)').zh).toBe('连接被拒绝：该地址上没有服务在接收');
    expect(webhookFailure('fetch failed (ENOTFOUND)').zh).toBe('找不到该主机：域名无法解析');
    expect(webhookFailure('fetch failed (bad port)')).toEqual({ zh: '该端口不能用于推送', en: 'That port cannot be used' });
    expect(webhookFailure('The operation was aborted due to timeout').zh).toBe('接收方未在规定时间内回应');
    expect(webhookFailure('HTTP 503')).toEqual({ zh: '接收方回应 HTTP 503，未表示接收成功', en: 'The receiver answered HTTP 503, not a success' });
    expect(webhookFailure('HTTP 301 redirect to https://hooks.example/new')).toEqual({
      zh: '接收方重定向到 https://hooks.example/new：推送不会转发到其他地址',
      en: 'The receiver redirected to https://hooks.example/new: deliveries are not sent on to another address',
    });
    expect(webhookFailure('something new').zh).toBe('无法连接接收方');
  });
});
