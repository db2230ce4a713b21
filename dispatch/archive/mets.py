"""METS documents of an E-ARK CSIP package (CSIP 2.1): the package's root METS and its representation's."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from lxml import etree

METS = "http://www.loc.gov/METS/"
CSIP = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
XLINK = "http://www.w3.org/1999/xlink"
PROFILE = "https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"
NSMAP = {"mets": METS, "csip": CSIP, "xlink": XLINK}
CONTENT_TYPE = "Văn bản hành chính điện tử (Nghị định 30/2020/NĐ-CP)"
CATEGORY = "Hồ sơ văn bản hành chính"
VERSION = "0.1.0"
# The archive's own package of a dossier. (As a SIP, E-ARK's SIP profile would apply; eark-validator 1.1.3's SIP
# rules contradict the CSIP rules on the creator agent: SIP11 and SIP14 against CSIP12 and CSIP16.)
PACKAGE_TYPE = "AIP"


@dataclass(frozen=True)
class Entry:
    """One file of the package: its path inside the package folder, bytes, MIME type and METS role."""

    path: str
    data: bytes
    mime: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _m(parent, tag: str, **attrs):
    return etree.SubElement(parent, f"{{{METS}}}{tag}", **{_q(k): v for k, v in attrs.items()})


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    if not local:
        return name
    return f"{{{NSMAP[prefix]}}}{local}"


def _stamp(at: dt.datetime) -> str:
    return at.isoformat(timespec="seconds")


def _file_attrs(e: Entry, at: dt.datetime) -> dict:
    return {"MIMETYPE": e.mime, "SIZE": str(len(e.data)), "CREATED": _stamp(at), "CHECKSUM": e.sha256,
            "CHECKSUMTYPE": "SHA-256"}


def _ref(parent, tag: str, e: Entry, at: dt.datetime, mdtype: str, href: str):
    attrs = {"LOCTYPE": "URL", "xlink:type": "simple", "xlink:href": href, "MDTYPE": mdtype, **_file_attrs(e, at)}
    if mdtype == "OTHER":
        attrs["OTHERMDTYPE"] = "TT05-2025"
    return _m(parent, tag, **attrs)


def _root(objid: str, label: str, at: dt.datetime, package_type: str | None):
    root = etree.Element(f"{{{METS}}}mets", nsmap=NSMAP)
    for k, v in (("OBJID", objid), ("LABEL", label), ("TYPE", "Other"), ("csip:OTHERTYPE", CATEGORY),
                 ("csip:CONTENTINFORMATIONTYPE", "OTHER"), ("csip:OTHERCONTENTINFORMATIONTYPE", CONTENT_TYPE),
                 ("PROFILE", PROFILE)):
        root.set(_q(k), v)
    hdr = _m(root, "metsHdr", CREATEDATE=_stamp(at), LASTMODDATE=_stamp(at), RECORDSTATUS="NEW")
    if package_type:
        hdr.set(_q("csip:OAISPACKAGETYPE"), package_type)
    agent = _m(hdr, "agent", ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE")
    _m(agent, "name").text = "thidua"
    note = _m(agent, "note", **{"csip:NOTETYPE": "SOFTWARE VERSION"})
    note.text = VERSION
    return root


def _file_group(sec, group_id: str, use: str, entries: list[tuple[str, Entry, str]], at: dt.datetime):
    grp = _m(sec, "fileGrp", ID=group_id, USE=use, **{"csip:CONTENTINFORMATIONTYPE": "OTHER",
                                                      "csip:OTHERCONTENTINFORMATIONTYPE": CONTENT_TYPE})
    for file_id, e, href in entries:
        f = _m(grp, "file", ID=file_id, **_file_attrs(e, at))
        _m(f, "FLocat", LOCTYPE="URL", **{"xlink:type": "simple", "xlink:href": href})
    return grp


def representation_mets(objid: str, label: str, data: list[tuple[str, Entry]], at: dt.datetime) -> etree._Element:
    """representations/rep1/METS.xml: the representation's data files (hrefs relative to it)."""
    root = _root(f"{objid}-rep1", label, at, None)
    sec = _m(root, "fileSec", ID="rep1-filesec")
    prefix = "representations/rep1/"
    _file_group(sec, "rep1-data", "Data", [(fid, e, e.path.removeprefix(prefix)) for fid, e in data], at)
    smap = _m(root, "structMap", ID="rep1-structmap", TYPE="PHYSICAL", LABEL="CSIP")
    top = _m(smap, "div", ID="rep1-root", LABEL=f"{objid}-rep1")
    div = _m(top, "div", ID="rep1-data-div", LABEL="Data")
    _m(div, "fptr", FILEID="rep1-data")
    return root


def package_mets(objid: str, label: str, descriptive: list[tuple[str, Entry]], preservation: Entry,
                 documentation: Entry, schemas: list[Entry], representation: Entry,
                 at: dt.datetime) -> etree._Element:
    """The package's METS.xml: descriptive metadata (EAD, EAD_doc), PREMIS, and pointers to the rest."""
    root = _root(objid, label, at, PACKAGE_TYPE)
    for dmd_id, e in descriptive:
        sec = _m(root, "dmdSec", ID=dmd_id, CREATED=_stamp(at), STATUS="CURRENT")
        _ref(sec, "mdRef", e, at, "OTHER", e.path)
    amd = _m(root, "amdSec")
    dig = _m(amd, "digiprovMD", ID="premis", STATUS="CURRENT")
    _ref(dig, "mdRef", preservation, at, "PREMIS", preservation.path)
    sec = _m(root, "fileSec", ID="filesec")
    _file_group(sec, "documentation", "Documentation", [("doc-readme", documentation, documentation.path)], at)
    _file_group(sec, "schemas", "Schemas", [(f"schema-{i}", e, e.path) for i, e in enumerate(schemas, 1)], at)
    _file_group(sec, "rep1", "Representations/rep1", [("rep1-mets", representation, representation.path)], at)
    smap = _m(root, "structMap", ID="structmap", TYPE="PHYSICAL", LABEL="CSIP")
    top = _m(smap, "div", ID="package", LABEL=objid)
    _m(top, "div", ID="metadata-div", LABEL="Metadata", DMDID=" ".join(i for i, _ in descriptive), ADMID="premis")
    _m(_m(top, "div", ID="documentation-div", LABEL="Documentation"), "fptr", FILEID="documentation")
    _m(_m(top, "div", ID="schemas-div", LABEL="Schemas"), "fptr", FILEID="schemas")
    reps = _m(top, "div", ID="representations-div", LABEL="Representations")
    _m(reps, "fptr", FILEID="rep1")
    rep = _m(reps, "div", ID="rep1-div", LABEL="Representations/rep1")
    _m(rep, "mptr", LOCTYPE="URL", **{"xlink:type": "simple", "xlink:href": representation.path,
                                      "xlink:title": "rep1"})
    return root
