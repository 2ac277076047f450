import type { Lang } from '../../model.js';
import { html, SafeHtml } from './escape.js';
import { HTML_STYLE } from './html-style.js';

/**
 * The head of every dqc page (the HTML report, the HTML profile): no script and no network, which a
 * Content-Security-Policy forbids; `images` allows the data: images of the report's charts.
 */
export function pageHead(options: { lang: Lang; title: string; version: string; images: boolean }): SafeHtml {
  const images = options.images ? ' img-src data:;' : '';
  return html`<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${images} base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dqc ${options.version}">
<title>${options.title}</title>
<style>${new SafeHtml(HTML_STYLE)}</style>
</head>`;
}
