import type { Label } from '../../engine';
import { undeliverable } from './webhook-address';

/**
 * Why a delivery failed, in words the office can act on, from the technical
 * error the delivery records ("fetch failed (ECONNREFUSED)", "HTTP 503",
 * "HTTP 301 redirect to https://…"), which is kept beside it for whoever
 * runs the receiver.
 */
export function webhookFailure(error: string): Label {
  const redirect = /^HTTP 3\d\d redirect to (.+)$/.exec(error)?.[1];
  if (redirect !== undefined) return { zh: `接收方重定向到 ${redirect}：推送不会转发到其他地址`, en: `The receiver redirected to ${redirect}: deliveries are not sent on to another address` };
  const status = /^HTTP (\d{3})$/.exec(error)?.[1];
  if (status !== undefined) return { zh: `接收方回应 HTTP ${status}，未表示接收成功`, en: `The receiver answered HTTP ${status}, not a success` };
  const said = (zh: string, en: string): Label => ({ zh, en });
  if (/ECONNREFUSED/.test(error)) return said('连接被拒绝：该地址上没有服务在接收', 'Connection refused: nothing is listening at that address');
  if (/ENOTFOUND|EAI_AGAIN/.test(error)) return said('找不到该主机：域名无法解析', 'No such host: the name does not resolve');
  if (/ETIMEDOUT|TIMEOUT|timed? ?out|aborted/i.test(error)) return said('接收方未在规定时间内回应', 'The receiver did not answer in time');
  if (/ECONNRESET|UND_ERR_SOCKET|EPIPE|other side closed/i.test(error)) return said('连接被接收方中断', 'The receiver cut the connection');
  // What fetch refuses before sending: said as the address's save refuses it (webhook-address).
  if (/bad port/i.test(error)) return undeliverable.blockedPort;
  if (/includes credentials/i.test(error)) return undeliverable.credentials;
  if (/CERT|certificate|SSL|TLS/i.test(error)) return said('接收方的证书无法验证', "The receiver's certificate could not be verified");
  return said('无法连接接收方', 'The receiver could not be reached');
}
