// Small DOM helpers shared by the checker's modules.

export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

const SITE_ROOT = new URL("../../", import.meta.url);

// A site-root-relative path as a URL in this site (a fragment alone on the same page).
export function siteHref(href) {
  if (/^[a-z]+:/i.test(href)) return href;
  const url = new URL(href, SITE_ROOT);
  return url.pathname === location.pathname ? url.hash : url.href;
}
