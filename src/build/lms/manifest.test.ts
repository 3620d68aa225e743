import { describe, expect, it } from 'vitest';
import { scormManifest, xmlEscape, type ManifestInput } from './manifest.ts';

const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const CP2004 = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP2004 = 'http://www.adlnet.org/xsd/adlcp_v1p3';
const IMSSS = 'http://www.imsglobal.org/xsd/imsss';

const input: ManifestInput = {
  identifier: 'silnoe-zveno-scorm12',
  version: '0.3.1',
  title: 'Сильное звено & <друзья> "в кавычках"',
  launch: 'index.html',
  files: ['index.html', 'assets/index-1a2b.js', 'assets/index-1a2b.css', 'favicon.svg', 'assets/урок 1.js'],
};

/** Parses as XML the way an LMS would; a syntax error is a failed test, not a silent document. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return doc;
}

const one = (doc: Document | Element, ns: string, name: string) => {
  const found = doc.getElementsByTagNameNS(ns, name);
  expect(found.length, `<${name}>`).toBe(1);
  return found[0]!;
};

describe('SCORM 1.2 manifest', () => {
  const doc = parse(scormManifest('1.2', input));

  it('declares the 1.2 schema in the IMS CP 1.1.2 namespace', () => {
    expect(doc.documentElement.localName).toBe('manifest');
    expect(doc.documentElement.namespaceURI).toBe(CP12);
    expect(doc.documentElement.getAttribute('identifier')).toBe('silnoe-zveno-scorm12');
    expect(doc.documentElement.getAttribute('version')).toBe('0.3.1');
    expect(one(doc, CP12, 'schema').textContent).toBe('ADL SCORM');
    expect(one(doc, CP12, 'schemaversion').textContent).toBe('1.2');
    expect(doc.documentElement.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'schemaLocation')).toContain('adlcp_rootv1p2.xsd');
  });

  it('has one organization with one item pointing at one SCO resource that launches index.html', () => {
    const orgs = one(doc, CP12, 'organizations');
    const org = one(doc, CP12, 'organization');
    expect(orgs.getAttribute('default')).toBe(org.getAttribute('identifier'));
    expect(org.getElementsByTagNameNS(CP12, 'title')[0]!.textContent).toBe(input.title); // the organization's own, then the item's
    const item = one(doc, CP12, 'item');
    const resource = one(doc, CP12, 'resource');
    expect(item.getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    expect(resource.getAttributeNS(ADLCP12, 'scormtype')).toBe('sco');
    expect(resource.getAttribute('type')).toBe('webcontent');
    expect(resource.getAttribute('href')).toBe('index.html');
  });

  it('lists every file, URI-encoded', () => {
    const hrefs = [...doc.getElementsByTagNameNS(CP12, 'file')].map((f) => f.getAttribute('href'));
    expect(hrefs).toEqual(['index.html', 'assets/index-1a2b.js', 'assets/index-1a2b.css', 'favicon.svg', 'assets/%D1%83%D1%80%D0%BE%D0%BA%201.js']);
  });
});

describe('SCORM 2004 4th Edition manifest', () => {
  const doc = parse(scormManifest('2004', input));

  it('declares the 2004 4th Edition schema with the ADL CP, SEQ, NAV and IMS SS namespaces', () => {
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(CP2004);
    expect(one(doc, CP2004, 'schemaversion').textContent).toBe('2004 4th Edition');
    expect(root.lookupNamespaceURI('adlcp')).toBe(ADLCP2004);
    expect(root.lookupNamespaceURI('adlseq')).toBe('http://www.adlnet.org/xsd/adlseq_v1p3');
    expect(root.lookupNamespaceURI('adlnav')).toBe('http://www.adlnet.org/xsd/adlnav_v1p3');
    expect(root.lookupNamespaceURI('imsss')).toBe(IMSSS);
    const locations = root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'schemaLocation')!.split(/\s+/);
    expect(locations.length % 2).toBe(0);
    expect(locations).toContain('imsss_v1p0.xsd');
    expect(root.getAttribute('version')).toBe('0.3.1');
  });

  it('is a single SCO whose completion and success are set by the content', () => {
    const resource = one(doc, CP2004, 'resource');
    expect(resource.getAttributeNS(ADLCP2004, 'scormType')).toBe('sco');
    expect(resource.getAttribute('href')).toBe('index.html');
    expect(one(doc, CP2004, 'item').getAttribute('identifierref')).toBe(resource.getAttribute('identifier'));
    const controls = one(doc, IMSSS, 'deliveryControls');
    expect(controls.getAttribute('completionSetByContent')).toBe('true');
    expect(controls.getAttribute('objectiveSetByContent')).toBe('true');
    expect(doc.getElementsByTagNameNS(CP2004, 'file').length).toBe(input.files.length);
  });
});

describe('manifest input', () => {
  it('refuses an identifier that is not an XML id, and a launch page that is not packaged', () => {
    expect(() => scormManifest('1.2', { ...input, identifier: '1 course' })).toThrow(/identifier/);
    expect(() => scormManifest('2004', { ...input, launch: 'start.html' })).toThrow(/launch page/);
    expect(() => scormManifest('2004', { ...input, version: '' })).toThrow(/version/);
    expect(() => scormManifest('1.2', { ...input, version: '1 beta' })).toThrow(/version/);
  });

  it('escapes the five XML specials', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
