import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { TREND_ARROWS, type MonthlyModel } from './reportMonthly';

const require_ = createRequire(__filename);
/** DejaVu Sans: every letter a German or European name may hold, and the trend arrows (the PDF embeds a subset). */
const FONTS = {
  regular: require_.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require_.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const MARGIN = 40;
const GREY = '#444444';

/**
 * The monthly page as an A4 PDF built in main with PDFKit, from the same model as the HTML page (so both say the
 * same): text stays text (searchable, readable by pdftotext and screen readers), black on white with grey only
 * for secondary words, so it prints the same in grey scale. A long month flows onto a second page.
 */
export function monthlyPdf(m: MonthlyModel, now: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: m.language,
    displayTitle: true,
    info: { Title: m.title, Author: 'Leitstand', Creator: 'Leitstand', CreationDate: now },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const width = doc.page.width - 2 * MARGIN;
  const t = m.texts;

  const heading = (text: string) => {
    doc.moveDown(0.6).font('bold').fontSize(11).fillColor('black').text(text, MARGIN);
    const y = doc.y + 1;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.5)
      .strokeColor('#888888')
      .stroke();
    doc.y = y + 4;
  };
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor('black')
      .text(text, { width, ...options });
  const list = (items: string[], marker: (i: number) => string, indent = 0) => {
    for (const [i, item] of items.entries())
      doc
        .font('regular')
        .fontSize(9.5)
        .fillColor('black')
        .text(`${marker(i)} ${item}`, MARGIN + indent, doc.y, { width: width - indent, indent: 0 });
  };

  doc.font('bold').fontSize(16).text(m.title, MARGIN, MARGIN);
  doc.font('regular').fontSize(9).fillColor(GREY).text(t.subtitle);

  heading(t.headline);
  const gap = 8;
  const boxWidth = (width - 3 * gap) / 4;
  const top = doc.y;
  for (const [i, k] of m.kpis.entries()) {
    const x = MARGIN + i * (boxWidth + gap);
    doc.rect(x, top, boxWidth, 52).lineWidth(0.6).strokeColor('#999999').stroke();
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(k.label, x + 5, top + 5, { width: boxWidth - 10 });
    doc
      .font('bold')
      .fontSize(16)
      .fillColor('black')
      .text(k.value, x + 5, top + 17, { width: boxWidth - 10 });
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('black')
      .text(`${TREND_ARROWS[k.trend]} ${k.previous}`, x + 5, top + 38, { width: boxWidth - 10 });
  }
  doc.y = top + 58;

  heading(t.sla);
  const columns = [MARGIN, MARGIN + 80, MARGIN + 200];
  const row = (cells: string[], font: 'regular' | 'bold') => {
    const y = doc.y;
    doc.font(font).fontSize(9.5).fillColor('black');
    cells.forEach((cell, i) => doc.text(cell, columns[i] ?? MARGIN, y, { width: 110, lineBreak: false }));
    doc.y = y + 14;
    doc
      .moveTo(MARGIN, doc.y - 2)
      .lineTo(MARGIN + 320, doc.y - 2)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
  };
  row([t.priority, t.first, t.resolution], 'bold');
  for (const r of m.sla) row([r.priority, r.first, r.resolution], 'regular');

  if (m.availability.length) {
    heading(t.availability);
    row([t.system, t.uptime, t.outages], 'bold');
    for (const r of m.availability) row([r.system, r.uptime, String(r.outages)], 'regular');
  }

  heading(t.incidents);
  if (!m.incidents.length) body(t.noIncidents);
  for (const [i, incident] of m.incidents.entries()) {
    doc
      .font('bold')
      .fontSize(9.5)
      .fillColor('black')
      .text(`${i + 1}. ${incident.heading}`, MARGIN, doc.y, { width });
    if (incident.resolution)
      doc
        .font('regular')
        .fontSize(9)
        .text(incident.resolution, MARGIN + 12, doc.y, { width: width - 12 });
  }

  heading(t.problems);
  if (!m.problems.length) body(t.noProblems);
  for (const p of m.problems) {
    doc.font('bold').fontSize(9.5).fillColor('black').text(`• ${p.title} (${p.incidents})`, MARGIN, doc.y, { width });
    list(p.actions, () => '–', 12);
  }

  heading(t.risks);
  if (m.risks.length) list(m.risks, () => '•');
  else body(t.noRisks);

  if (m.remarks.length) {
    heading(t.remarks);
    for (const para of m.remarks) body(para, { paragraphGap: 4 });
  }

  doc.moveDown(1).font('regular').fontSize(8).fillColor(GREY).text(m.generated, MARGIN, doc.y, { width });
  doc.end();
  return done;
}
