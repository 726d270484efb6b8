// Builds the task pane to dist/addin (office.js from Microsoft's CDN), or with `--env fake` to
// dist/fake with the Excel test double instead of office.js (browser test and demo).
const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/**
 * Where office.js loads itself and its own host- and language-specific files from: its long-standing
 * CDN, and the origin Microsoft's docs name since September 2026 ("The office.js CDN now uses the
 * officeapis.public.onecdn.static.microsoft domain", office-js-docs-pr#5882). Nothing else remote.
 */
const OFFICE_ORIGINS = ['https://appsforoffice.microsoft.com', 'https://officeapis.public.onecdn.static.microsoft'];
const PORT = 3000;

/** No remote origin but the Office script hosts; styles inline because Fluent injects them. */
function csp({ dev }) {
  const connect = dev ? `'self' wss://localhost:${PORT}` : "'self'";
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_ORIGINS.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * HTTPS options from office-addin-dev-certs (it creates and trusts a localhost certificate).
 * Where it cannot install its CA (e.g. a container without sudo) the generated certificate is
 * still used, with a warning: Office will not trust it until the CA is installed.
 */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const file = (f) => path.join(dir, f);
    if (!fs.existsSync(file('localhost.crt'))) throw e;
    console.warn(`office-addin-dev-certs: ${e.message}\nServing with ${dir}/localhost.crt; install ca.crt to make Office trust it.`);
    return { key: fs.readFileSync(file('localhost.key')), cert: fs.readFileSync(file('localhost.crt')), ca: fs.readFileSync(file('ca.crt')) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === 'development';
  const fake = Boolean(env.fake);
  const out = path.resolve(__dirname, 'dist', fake ? 'fake' : 'addin');
  // compat runs first, in any webview (Trident included): see src/taskpane/compat.ts.
  const entry = { compat: './src/taskpane/compat.ts', taskpane: './src/taskpane/index.tsx' };
  if (fake) entry['fake-office'] = './test/excel-fake/browser-entry.ts';

  const pages = [
    new HtmlWebpackPlugin({
      template: 'src/taskpane/taskpane.html',
      filename: 'taskpane.html',
      chunks: ['compat', 'taskpane'],
      chunksSortMode: 'manual',
      scriptLoading: 'defer',
      minify: false,
      templateParameters: {
        csp: csp({ dev }),
        officeScript: fake
          ? '<script src="fake-office.js"></script>'
          : `<script src="${OFFICE_JS}"></script>`,
      },
    }),
  ];
  if (fake) {
    pages.push(
      new HtmlWebpackPlugin({
        template: 'scripts/demo.html',
        filename: 'demo.html',
        chunks: ['compat', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
        minify: false,
        templateParameters: { csp: csp({ dev }), officeScript: '<script src="fake-office.js"></script>' },
      }),
    );
  }

  const ts = (target) => ({
    loader: 'ts-loader',
    options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target } },
  });
  const config = {
    mode: dev ? 'development' : 'production',
    // webpack's own runtime in ES5, so that compat.js runs in Internet Explorer 11; the pane's code
    // stays ES2020 (tsconfig.json), for WebView2, Safari and the browsers of Office on the web.
    target: ['web', 'es5'],
    entry,
    output: { path: out, filename: '[name].js', clean: true },
    // Never eval-* source maps: the pane's CSP has no 'unsafe-eval'.
    devtool: dev ? 'source-map' : false,
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // The .xlsx reader the CLI uses reads the files the user picks in the pane (src/taskpane/read-file.ts):
      // the two Node modules it calls, as small browser stand-ins.
      alias: {
        zlib$: path.resolve(__dirname, 'src/taskpane/node-shims/shim-zlib.ts'),
        path$: path.resolve(__dirname, 'src/taskpane/node-shims/shim-path.ts'),
      },
    },
    module: {
      rules: [
        {
          oneOf: [
            // compat.ts and the catalogues it imports, for its own chunk, in ES5.
            { test: /compat\.ts$/, use: ts('es5') },
            { test: /\.tsx?$/, exclude: /node_modules/, issuer: /compat\.ts$/, use: ts('es5') },
            { test: /\.tsx?$/, exclude: /node_modules/, use: ts('es2020') },
          ],
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...pages,
      new webpack.ProvidePlugin({ Buffer: [path.resolve(__dirname, 'src/taskpane/node-shims/shim-buffer.ts'), 'Buffer'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...(fake ? [] : [{ from: 'manifest.xml', to: 'manifest.xml' }]),
        ],
      }),
    ],
  };

  if (dev) {
    config.devServer = {
      port: PORT,
      host: 'localhost',
      hot: false,
      liveReload: true,
      client: { overlay: false },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: env.http ? 'http' : { type: 'https', options: await httpsOptions() },
      static: { directory: out },
    };
  }
  return config;
};
