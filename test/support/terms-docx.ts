import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/**
 * Terms of sale as a Word document, written with the `docx` package the way an office writes them:
 * « ARTICLE 7 – … » lines as headings, the text as paragraphs, a line starting with « | » as a table
 * row (cells separated by « | »), so the import is tested on what mammoth reads back from a .docx.
 */
export async function termsDocx(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let rows: TableRow[] = [];
  const flushTable = () => {
    if (rows.length > 0) children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    rows = [];
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("|")) {
      const cells = line
        .split("|")
        .slice(1, -1)
        .map((c) => new TableCell({ children: [new Paragraph(c.trim())] }));
      rows.push(new TableRow({ children: cells }));
      continue;
    }
    flushTable();
    if (line.trim() === "") continue;
    const heading = /^(?:ARTICLE|Article)\s+\d/.test(line);
    children.push(
      heading
        ? new Paragraph({
            heading: HeadingLevel.HEADING_2,
            children: [new TextRun({ text: line, bold: true })],
          })
        : new Paragraph({ children: [new TextRun(line)] }),
    );
  }
  flushTable();
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
