// How the development server gets its certificate, shared by `npm start` and `webpack serve`:
//  1. office-addin-dev-certs' trusted certificate (it generates one and installs its CA in the trust
//     store, which needs admin rights: sudo on Linux, a prompt on Windows and macOS);
//  2. failing that, the same generated certificate, untrusted (a container without sudo or trust store):
//     still https, which is what Excel requires, once the user accepts it in the browser;
//  3. failing that too, plain http, with a warning. Never throws.
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

function firstLine(error) {
  return String((error && error.message) || error).split("\n")[0];
}

/**
 * @param {{ http?: boolean, installCerts?: boolean }} options
 * @returns {Promise<{ scheme: "https" | "http", trusted?: boolean, reason?: string, caPath?: string,
 *   options?: { ca: Buffer, cert: Buffer, key: Buffer } }>}
 */
async function certificates({ http = false, installCerts = true } = {}) {
  if (http) return { scheme: "http", reason: "plain http was asked for" };
  let devCerts;
  try {
    devCerts = require("office-addin-dev-certs");
  } catch (error) {
    return { scheme: "http", reason: `office-addin-dev-certs cannot be loaded (${firstLine(error)})` };
  }
  let reason = "installing the CA certificate was skipped (--no-install-certs)";
  if (installCerts) {
    try {
      const { ca, cert, key } = await devCerts.getHttpsServerOptions();
      return { scheme: "https", trusted: true, options: { ca, cert, key } };
    } catch (error) {
      reason = firstLine(error);
    }
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = {
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
  try {
    if (!Object.values(files).every((f) => fs.existsSync(f))) {
      await devCerts.generateCertificates(files.ca, files.cert, files.key);
    }
    const read = (f) => fs.readFileSync(f);
    return {
      scheme: "https",
      trusted: false,
      reason,
      caPath: files.ca,
      options: { ca: read(files.ca), cert: read(files.cert), key: read(files.key) },
    };
  } catch (error) {
    return { scheme: "http", reason: `${reason}; no certificate could be generated (${firstLine(error)})` };
  }
}

/** The warning to print for an untrusted or absent certificate, or undefined when all is well. */
function certificateWarning(tls) {
  if (tls.scheme === "http") {
    return (
      `WARNING: serving over plain HTTP (${tls.reason}).\n` +
      "Excel (desktop and web) only loads add-ins over HTTPS: the preview in a browser works, Excel will not.\n" +
      "Get a certificate with `npx office-addin-dev-certs install` where you have admin rights, then start again."
    );
  }
  if (!tls.trusted) {
    return (
      `WARNING: the development certificate is not trusted by this machine (${tls.reason}).\n` +
      `Certificate authority: ${tls.caPath}\n` +
      "Trust it with `npx office-addin-dev-certs install` (needs admin rights), or open the task pane URL\n" +
      "once in the browser you use for Excel on the web and accept the certificate."
    );
  }
  return undefined;
}

module.exports = { certificates, certificateWarning, firstLine };
