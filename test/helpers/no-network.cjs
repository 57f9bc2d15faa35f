// Loaded with `node --require` by test/cli/no-network.test.ts: records every attempt to open a
// network connection (TCP, TLS, UDP, DNS, HTTP, fetch) in the file named by NO_NETWORK_LOG and
// makes it fail, so a test can prove that the program opened none.
const fs = require("node:fs");
const log = process.env.NO_NETWORK_LOG;
const attempt = (what) => {
  if (log) fs.appendFileSync(log, what + "\n");
  throw new Error(`network access attempted: ${what}`);
};
const net = require("node:net");
net.Socket.prototype.connect = function () { attempt("net.Socket.connect"); };
net.connect = net.createConnection = () => attempt("net.connect");
require("node:tls").connect = () => attempt("tls.connect");
require("node:dgram").createSocket = () => attempt("dgram.createSocket");
const dns = require("node:dns");
dns.lookup = dns.resolve = () => attempt("dns");
dns.promises.lookup = dns.promises.resolve = () => attempt("dns");
require("node:http").request = require("node:http").get = () => attempt("http");
require("node:https").request = require("node:https").get = () => attempt("https");
globalThis.fetch = () => attempt("fetch");
