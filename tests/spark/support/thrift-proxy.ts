/**
 * Test-only loopback HTTPS proxy between the real `@databricks/sql` driver and an OSS Spark Thrift
 * Server (HTTP transport). The product code never knows about it: the Databricks engine connects to
 * it exactly as it would to a warehouse (host, port, HTTP path, token).
 *
 * Why it exists: the driver always speaks HTTPS (its connection options hard-code `https: true`)
 * and speaks Databricks' extended TCLIService, while Spark serves plain HTTP and Hive's TCLIService.
 * The proxy terminates TLS with a throwaway self-signed certificate (SAN IP:127.0.0.1) and makes
 * exactly these changes, each one verified necessary (see shared notes, spark-thrift.md):
 *   1. OpenSession call: `TOpenSessionReq.client_protocol` (field 1) becomes 9
 *      (HIVE_CLI_SERVICE_PROTOCOL_V10). The driver sends -7, which Spark rejects as unset.
 *   2. GetResultSetMetadata reply: adds `resultFormat` (field 1281) = COLUMN_BASED_SET, which Spark
 *      never sends and without which the driver fails with "Unsupported result format".
 *   3. GetResultSetMetadata reply: column `position`s are renumbered from 1 when Spark numbers them
 *      from 0; otherwise the driver silently drops the first column and shifts every name.
 *   4. Every request: `Authorization: Bearer …` becomes `Basic` with a fixed user, which is what
 *      Spark's NONE authentication expects. The token never reaches Spark.
 *   5. GetOperationStatus reply: copies `errorMessage` (field 5) into `displayMessage` (field 1281),
 *      so the driver's error message carries Spark's text as a warehouse's would.
 * Every other byte passes through unchanged. When Spark is down the proxy answers 502, as a
 * warehouse gateway would (the driver's retry policy keys on 5xx).
 *
 * The proxy also counts the Thrift calls it forwards (by method name), so tests can assert what the
 * engine did on the wire, e.g. that every OpenSession was matched by a CloseSession.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThriftProxyOptions {
  /** The Spark Thrift Server's HTTP port on 127.0.0.1. */
  upstreamPort: number;
  /** The Thrift HTTP path on both sides. */
  httpPath?: string;
  /** Port to listen on (127.0.0.1); 0 picks a free one. */
  port?: number;
  /**
   * Fault injection for reliability tests: return an HTTP status to answer a Thrift call with
   * (429, 503…) instead of forwarding it, or 'reset' to drop the connection.
   */
  fault?: (call: { method: string | undefined; body: Buffer }) => number | 'reset' | undefined;
}

export interface ThriftProxy {
  port: number;
  /** PEM of the self-signed certificate, for the driver's `customCaCert`. */
  caCertPem: string;
  /** How many Thrift calls of each method the proxy has forwarded so far. */
  callCounts(): Record<string, number>;
  close(): Promise<void>;
}

const HIVE_CLI_SERVICE_PROTOCOL_V10 = 9;
const COLUMN_BASED_SET = 1;
const SPARK_USER = 'recon-gate';

export async function startThriftProxy(options: ThriftProxyOptions): Promise<ThriftProxy> {
  const httpPath = options.httpPath ?? '/cliservice';
  const { certPem, keyPem } = makeSelfSignedCertificate();
  const calls = new Map<string, number>();
  const basicAuth = `Basic ${Buffer.from(`${SPARK_USER}:x`).toString('base64')}`;

  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const method = thriftMessageName(requestBody);
      if (method) calls.set(method, (calls.get(method) ?? 0) + 1);
      const fault = options.fault?.({ method, body: requestBody });
      if (fault === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault !== undefined) {
        res.writeHead(fault, { 'content-type': 'text/plain', ...(fault === 429 ? { 'retry-after': '1' } : {}) });
        res.end(`injected fault: HTTP ${fault}`);
        return;
      }
      const body = passThroughIfUnparsable(rewriteCall, requestBody);

      const headers: http.OutgoingHttpHeaders = { ...req.headers };
      delete headers.host;
      delete headers['transfer-encoding'];
      headers['content-length'] = String(body.length);
      if (headers.authorization !== undefined) headers.authorization = basicAuth;

      const upstream = http.request(
        { host: '127.0.0.1', port: options.upstreamPort, path: req.url ?? httpPath, method: req.method, headers },
        (upstreamRes) => {
          const replyChunks: Buffer[] = [];
          upstreamRes.on('data', (chunk: Buffer) => replyChunks.push(chunk));
          upstreamRes.on('error', () => res.destroy());
          upstreamRes.on('end', () => {
            const reply = passThroughIfUnparsable(rewriteReply, Buffer.concat(replyChunks));
            const replyHeaders: http.OutgoingHttpHeaders = { ...upstreamRes.headers };
            delete replyHeaders['transfer-encoding'];
            replyHeaders['content-length'] = String(reply.length);
            res.writeHead(upstreamRes.statusCode ?? 502, replyHeaders);
            res.end(reply);
          });
        },
      );
      upstream.on('error', (error) => {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`Spark Thrift Server unreachable: ${error.message}`);
      });
      upstream.end(body);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.address() as AddressInfo).port,
    caCertPem: certPem,
    callCounts: () => Object.fromEntries(calls),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A throwaway certificate for 127.0.0.1, made with the `openssl` CLI, valid for two days. */
function makeSelfSignedCertificate(): { certPem: string; keyPem: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'recon-gate-proxy-cert-'));
  try {
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyFile, '-out', certFile, '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8') };
  } catch (error) {
    throw new Error(`the Thrift test proxy needs the openssl CLI to make its certificate: ${String(error)}`, { cause: error });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A body the walker cannot read is not one of the messages it edits: forward it unchanged. */
function passThroughIfUnparsable(rewrite: (buf: Buffer) => Buffer, buf: Buffer): Buffer {
  try {
    return rewrite(buf);
  } catch {
    return buf;
  }
}

// ---- Thrift binary protocol: just enough to find and edit a few fields ----

const ThriftType = {
  Stop: 0,
  Bool: 2,
  Byte: 3,
  Double: 4,
  I16: 6,
  I32: 8,
  I64: 10,
  String: 11,
  Struct: 12,
  Map: 13,
  Set: 14,
  List: 15,
  Uuid: 16,
} as const;

const MESSAGE_CALL = 1;
const MESSAGE_REPLY = 2;

interface ThriftMessage {
  type: number;
  name: string;
  /** Offset of the args (call) or result (reply) struct. */
  bodyOffset: number;
}

interface ThriftField {
  id: number;
  type: number;
  valueOffset: number;
}

interface ThriftStruct {
  fields: ThriftField[];
  /** Offset of the STOP byte that ends the struct. */
  stopOffset: number;
}

function readMessage(buf: Buffer): ThriftMessage | undefined {
  if (buf.length < 12) return undefined;
  const header = buf.readUInt32BE(0);
  if ((header & 0xffff0000) >>> 0 !== 0x80010000) return undefined; // only the strict form is used
  const nameLength = buf.readInt32BE(4);
  if (nameLength < 0 || 8 + nameLength + 4 > buf.length) return undefined;
  return {
    type: header & 0xff,
    name: buf.toString('utf8', 8, 8 + nameLength),
    bodyOffset: 8 + nameLength + 4,
  };
}

function thriftMessageName(buf: Buffer): string | undefined {
  return readMessage(buf)?.name;
}

function skipValue(buf: Buffer, offset: number, type: number): number {
  switch (type) {
    case ThriftType.Bool:
    case ThriftType.Byte:
      return offset + 1;
    case ThriftType.I16:
      return offset + 2;
    case ThriftType.I32:
      return offset + 4;
    case ThriftType.Double:
    case ThriftType.I64:
      return offset + 8;
    case ThriftType.Uuid:
      return offset + 16;
    case ThriftType.String:
      return offset + 4 + buf.readInt32BE(offset);
    case ThriftType.Struct:
      return readStruct(buf, offset).stopOffset + 1;
    case ThriftType.Map: {
      const keyType = buf.readUInt8(offset);
      const valueType = buf.readUInt8(offset + 1);
      const size = buf.readInt32BE(offset + 2);
      let at = offset + 6;
      for (let i = 0; i < size; i++) at = skipValue(buf, skipValue(buf, at, keyType), valueType);
      return at;
    }
    case ThriftType.Set:
    case ThriftType.List: {
      const elementType = buf.readUInt8(offset);
      const size = buf.readInt32BE(offset + 1);
      let at = offset + 5;
      for (let i = 0; i < size; i++) at = skipValue(buf, at, elementType);
      return at;
    }
    default:
      throw new Error(`unknown Thrift type ${type} at byte ${offset}`);
  }
}

function readStruct(buf: Buffer, offset: number): ThriftStruct {
  const fields: ThriftField[] = [];
  let at = offset;
  for (;;) {
    const type = buf.readUInt8(at);
    if (type === ThriftType.Stop) return { fields, stopOffset: at };
    const id = buf.readInt16BE(at + 1);
    const valueOffset = at + 3;
    fields.push({ id, type, valueOffset });
    at = skipValue(buf, valueOffset, type);
  }
}

function field(struct: ThriftStruct, id: number, type: number): ThriftField | undefined {
  return struct.fields.find((f) => f.id === id && f.type === type);
}

function insertAt(buf: Buffer, offset: number, bytes: Buffer): Buffer {
  return Buffer.concat([buf.subarray(0, offset), bytes, buf.subarray(offset)]);
}

function fieldHeader(type: number, id: number): Buffer {
  const header = Buffer.alloc(3);
  header.writeUInt8(type, 0);
  header.writeInt16BE(id, 1);
  return header;
}

/** Rewrite 1: the protocol version Spark understands. Other calls pass through. */
function rewriteCall(buf: Buffer): Buffer {
  const message = readMessage(buf);
  if (!message || message.type !== MESSAGE_CALL || message.name !== 'OpenSession') return buf;
  const args = readStruct(buf, message.bodyOffset);
  const request = field(args, 1, ThriftType.Struct);
  if (!request) return buf;
  const clientProtocol = field(readStruct(buf, request.valueOffset), 1, ThriftType.I32);
  if (!clientProtocol) return buf;
  const edited = Buffer.from(buf);
  edited.writeInt32BE(HIVE_CLI_SERVICE_PROTOCOL_V10, clientProtocol.valueOffset);
  return edited;
}

/** Rewrites 2, 3 and 5, on the `success` struct (field 0) of a reply. */
function rewriteReply(buf: Buffer): Buffer {
  const message = readMessage(buf);
  if (!message || message.type !== MESSAGE_REPLY) return buf;
  if (message.name !== 'GetResultSetMetadata' && message.name !== 'GetOperationStatus') return buf;
  const success = field(readStruct(buf, message.bodyOffset), 0, ThriftType.Struct);
  if (!success) return buf;
  const response = readStruct(buf, success.valueOffset);
  return message.name === 'GetResultSetMetadata'
    ? rewriteResultSetMetadata(buf, response)
    : copyErrorMessageToDisplayMessage(buf, response);
}

function rewriteResultSetMetadata(buf: Buffer, response: ThriftStruct): Buffer {
  let edited: Buffer = Buffer.from(buf);
  const schema = field(response, 2, ThriftType.Struct);
  const columns = schema && field(readStruct(edited, schema.valueOffset), 1, ThriftType.List);
  if (columns) {
    const count = edited.readInt32BE(columns.valueOffset + 1);
    const positionOffsets: number[] = [];
    let at = columns.valueOffset + 5;
    for (let i = 0; i < count; i++) {
      const column = readStruct(edited, at);
      const position = field(column, 3, ThriftType.I32);
      if (position) positionOffsets.push(position.valueOffset);
      at = column.stopOffset + 1;
    }
    const positions = positionOffsets.map((offset) => edited.readInt32BE(offset));
    if (positions.length > 0 && Math.min(...positions) === 0) {
      for (const offset of positionOffsets) edited.writeInt32BE(edited.readInt32BE(offset) + 1, offset);
    }
  }
  if (!field(response, 1281, ThriftType.I32)) {
    const resultFormat = Buffer.alloc(4);
    resultFormat.writeInt32BE(COLUMN_BASED_SET, 0);
    edited = insertAt(edited, response.stopOffset, Buffer.concat([fieldHeader(ThriftType.I32, 1281), resultFormat]));
  }
  return edited;
}

function copyErrorMessageToDisplayMessage(buf: Buffer, response: ThriftStruct): Buffer {
  const errorMessage = field(response, 5, ThriftType.String);
  if (!errorMessage || field(response, 1281, ThriftType.String)) return buf;
  const length = buf.readInt32BE(errorMessage.valueOffset);
  const value = buf.subarray(errorMessage.valueOffset, errorMessage.valueOffset + 4 + length);
  return insertAt(buf, response.stopOffset, Buffer.concat([fieldHeader(ThriftType.String, 1281), value]));
}
