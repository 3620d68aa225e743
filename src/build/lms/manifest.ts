/**
 * imsmanifest.xml for the two packages: one organization with one item, launched as one SCO
 * (`index.html`), listing every file of the package. Pure, so a test can read it as XML. Build
 * time only.
 */
import type { ScormVersion } from '../../lib/lms/package-meta.ts';

export type { ScormVersion };

export interface ManifestInput {
  /** Unique, stable id of the package, one per SCORM version (letters, digits, `.`, `-`, `_`). */
  identifier: string;
  /** The course's version (package.json): LMSs that match packages by identifier see an update. */
  version: string;
  title: string;
  /** The page the LMS opens, relative to the package root. */
  launch: string;
  /** Every file of the package (the manifest itself excluded), relative paths with `/`. */
  files: string[];
}

/** Escapes text for an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A file path as a URI reference inside the manifest (spaces and non-ASCII percent-encoded). */
const href = (path: string) => xmlEscape(path.split('/').map(encodeURIComponent).join('/'));

/**
 * The control documents each manifest's `xsi:schemaLocation` names, at the zip root; the plugin
 * copies them from `schemas/` (see schemas/README.md for where they come from).
 */
const SCHEMA_12 = [
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd',
  'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd',
  'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
].join(' ');

const SCHEMA_2004 = [
  'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd',
  'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd',
  'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd',
  'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
].join(' ');

/** The manifest of the SCORM 1.2 or SCORM 2004 4th Edition package. */
export function scormManifest(version: ScormVersion, input: ManifestInput): string {
  if (!/^[A-Za-z_][\w.-]*$/.test(input.identifier)) throw new Error(`manifest: identifier «${input.identifier}» is not an XML id`);
  if (!input.files.includes(input.launch)) throw new Error(`manifest: the launch page ${input.launch} is not among the files`);
  if (!/^\S{1,64}$/.test(input.version)) throw new Error(`manifest: version «${input.version}» is empty, too long or has spaces`);
  const id = xmlEscape(input.identifier);
  const packageVersion = xmlEscape(input.version);
  const title = xmlEscape(input.title);
  const fileList = input.files.map((f) => `      <file href="${href(f)}"/>`).join('\n');
  if (version === '1.2') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${packageVersion}"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="${SCHEMA_12}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${href(input.launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
  }
  // The course decides completion and success itself (completionSetByContent / objectiveSetByContent),
  // so an LMS never marks it complete just because the SCO was opened and closed.
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${packageVersion}"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="${SCHEMA_2004}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:deliveryControls tracked="true" completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${href(input.launch)}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}
