// A reader opens the demo article: the embedded widget loads, reads right, and the map,
// enterprise list and checker work as a reader uses them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, browser, page, screenshot, facts, data } from './harness.mjs';

let srv, b;
before(async () => { srv = await serve(); b = await browser(); });
after(async () => { await b?.close(); await srv?.close(); });

async function openArticle(width) {
  // A phone is 360×640; a desktop window 1280×900.
  const p = await page(b, { width, height: width <= 400 ? 640 : 900 });
  await p.goto(`${srv.base}/article.html`);
  const w = p.locator('vats-pilot');
  await w.scrollIntoViewIfNeeded();
  await p.locator('vats-pilot[data-ready]').waitFor();
  return { p, w };
}

test('the article shows the widget mid-story, at phone and desktop widths', async () => {
  for (const width of [360, 1280]) {
    const { p, w } = await openArticle(width);
    await assert.doesNotReject(w.getByRole('heading', { name: "China's telecom opening pilot" }).waitFor());
    assert.match(await w.getByRole('tab', { name: 'Map' }).getAttribute('aria-selected'), /true/);
    assert.equal(await w.locator('g.vp-zone').count(), 4);
    // The widget sits between the story's paragraphs and fits the column.
    const box = await w.boundingBox();
    assert.ok(box.width <= width, `widget ${box.width}px wide in a ${width}px page`);
    const after = p.getByText('Outside the four areas, the national rules still apply');
    assert.ok((await after.boundingBox()).y > box.y + box.height - 1, 'the paragraph after the widget follows it');
    await screenshot(p, `article-${width}`);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});

test('clicking Hainan on the map filters the enterprise list to Hainan', async () => {
  for (const width of [360, 1280]) {
    const { p, w } = await openArticle(width);
    await w.locator('g.vp-zone[data-zone="hainan"]').click();
    const card = w.locator('.vp-card');
    await assert.doesNotReject(card.getByText(`Approvals known here: ${facts.approvedIn('hainan')}`).waitFor());
    await screenshot(p, `map-hainan-${width}`);
    await w.getByRole('button', { name: 'Show enterprises in Hainan' }).click();
    await assert.doesNotReject(w.getByTestId('count').getByText(`${facts.inZone('hainan')} of ${facts.total} match`).waitFor());
    assert.match(await w.locator('.vp-ents').innerText(), new RegExp(`${facts.unidentifiedIn('hainan')} not publicly identified`));
    assert.match(p.url(), /zone=hainan/);
    await p.context().close();
  }
});

test('"Get the data" downloads the published dataset and enterprise CSV from beside the widget', async () => {
  const { p, w } = await openArticle(1280);
  const footer = w.locator('.vp-getdata');
  const csvLink = footer.getByRole('link', { name: 'CSV' });
  const jsonLink = footer.getByRole('link', { name: 'JSON' });
  assert.equal(await csvLink.getAttribute('href'), `${srv.base}/pilot-enterprises.csv`);
  assert.equal(await jsonLink.getAttribute('href'), `${srv.base}/pilot.json`);
  const [download] = await Promise.all([p.waitForEvent('download'), csvLink.click()]);
  assert.equal(download.suggestedFilename(), 'pilot-enterprises.csv');
  const rows = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
  assert.equal(rows.length, 1 + data.enterprises.length, 'a header and every enterprise');
  assert.match(rows[0], /^id,status,identified,name_en/);
  const [json] = await Promise.all([p.waitForEvent('download'), jsonLink.click()]);
  assert.deepEqual(JSON.parse(await readFile(await json.path(), 'utf8')), data, 'the whole dataset the widget shows');
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('a reader filters to Shanghai, checks a source link and downloads the CSV', async () => {
  const { p, w } = await openArticle(1280);
  await w.getByRole('tab', { name: 'Enterprises' }).click();
  await w.getByLabel('Area').selectOption('shanghai');
  await w.getByLabel('Status').selectOption('approved');
  await assert.doesNotReject(w.getByTestId('count').getByText(`${facts.approvedIn('shanghai')} of ${facts.total} match`).waitFor());
  const cards = await w.locator('.vp-ent').allInnerTexts();
  assert.equal(cards.length, facts.approvedIn('shanghai'));
  assert.ok(cards.every((t) => /Shanghai/.test(t)), 'every card is in Shanghai');
  assert.ok(cards.some((t) => /HSBC/.test(t)));
  const link = w.locator('.vp-ent[data-id="e-hsbc-fintech"] a.vp-src', { hasText: '[S27]' });
  assert.equal(await link.getAttribute('href'), 'http://regional.chinadaily.com.cn/shanghaipudong/chinashftz/2025-02/28/c_1076115.htm');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  const [download] = await Promise.all([p.waitForEvent('download'), w.getByRole('button', { name: 'Download CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'vats-pilot-enterprises.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length, 1 + facts.approvedIn('shanghai'), csv);
  assert.ok(rows.slice(1).every((r) => r.includes(',shanghai,')), csv);
  assert.match(csv, /汇丰/);
  const [json] = await Promise.all([p.waitForEvent('download'), w.getByRole('button', { name: 'Download JSON' }).click()]);
  const doc = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(doc.enterprises.length, facts.approvedIn('shanghai'));
  assert.equal(doc.datasetVersion, data.version);
  assert.ok(doc.sources.some((s) => s.id === 'S27'), 'the sources the records cite come along');
  await screenshot(p, 'list-shanghai-1280');
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('a reader answers the checker by keyboard only and reads the verdict', async () => {
  for (const width of [360, 1280]) {
    const { p, w } = await openArticle(width);
    // Tab into the widget until the selected tab has focus, then move to the checker.
    for (let i = 0; i < 40; i++) {
      await p.keyboard.press('Tab');
      if (await w.locator('[role="tab"][aria-selected="true"]').evaluate((el) => el.getRootNode().activeElement === el)) break;
    }
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    await assert.doesNotReject(w.getByRole('heading', { name: 'Can I operate this service here?' }).waitFor());
    await p.keyboard.press('Tab'); // place
    await p.keyboard.type('Hainan');
    await p.keyboard.press('Tab'); // service filter
    await p.keyboard.type('IDC');
    await p.keyboard.press('Tab'); // service select
    await p.keyboard.press('ArrowDown');
    // The last required answer is given: the answer is on screen without scrolling.
    const answer = w.locator('[data-testid="verdict"]');
    await answer.waitFor();
    const box = await answer.boundingBox();
    const view = p.viewportSize();
    assert.ok(box && box.y >= 0 && box.y + box.height <= view.height, `verdict at ${JSON.stringify(box)} in a ${view.width}×${view.height} viewport`);
    await p.keyboard.press('Tab'); // equity
    await p.keyboard.type('100');
    const verdict = w.locator('[data-testid="verdict"]');
    await assert.doesNotReject(verdict.getByText('Yes — up to 100% foreign ownership in Hainan').waitFor());
    assert.equal(await w.locator('[data-testid="max"]').innerText(), '100%');
    await verdict.scrollIntoViewIfNeeded();
    await screenshot(p, `checker-keyboard-${width}`);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});

test('the back button restores the previous view', async () => {
  const p = await page(b, { width: 1280, height: 900 });
  await p.goto(`${srv.base}/index.html`);
  await p.locator('#app[data-ready]').waitFor();
  await p.locator('.vp-zone-btn[data-zone="hainan"]').click();
  await p.waitForURL(/zone=hainan/);
  await p.locator('.vp-zone-btn[data-zone="shenzhen"]').click();
  await p.waitForURL(/zone=shenzhen/);
  await p.goBack();
  await p.waitForURL(/zone=hainan/);
  assert.equal(await p.locator('.vp-zone-btn[data-zone="hainan"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await p.locator('.vp-card').getAttribute('data-zone'), 'hainan');
  await p.goBack();
  assert.equal(await p.locator('.vp-zone-btn[aria-pressed="true"]').count(), 0);
  await p.context().close();
});

test('the README JS API example runs', async () => {
  const p = await page(b);
  await p.goto(`${srv.base}/api.html`);
  await p.waitForFunction(() => !document.getElementById('out').textContent.startsWith('Running'));
  const out = await p.locator('#out').innerText();
  assert.match(out, /Hainan, IDC, 100 %: allowed, max 100 %, by vats-pilot-2024/);
  assert.match(out, /approved in Shanghai: e-siemens-healthineers, e-hsbc-fintech, e-boc-subsidiary, e-liepin/);
  assert.match(out, /bad input throws: checkEligibility: unknown place "atlantis"/);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test('every interactive element in every tab has an accessible name (both languages)', async () => {
  const p = await page(b, { width: 1280, height: 900 });
  await p.goto(`${srv.base}/index.html`);
  await p.locator('#app[data-ready]').waitFor();
  const cdp = await p.context().newCDPSession(p);
  const unnamed = async () => {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const roles = new Set(['button', 'link', 'tab', 'combobox', 'textbox', 'searchbox', 'spinbutton', 'slider', 'radio', 'checkbox', 'listbox']);
    const controls = nodes.filter((n) => !n.ignored && roles.has(n.role?.value));
    assert.ok(controls.length >= 8, `only ${controls.length} controls seen`);
    return controls.filter((n) => !(n.name?.value || '').trim()).map((n) => n.role.value);
  };
  for (const lang of ['English', '中文']) {
    for (const tab of await p.locator('[role=tab]').all()) {
      await tab.click();
      assert.deepEqual(await unnamed(), [], `unnamed controls in ${await tab.innerText()}`);
    }
    if (lang === 'English') await p.locator('.vp-lang').click();
  }
  await p.context().close();
});
