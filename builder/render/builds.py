"""Click builds: paragraphs that appear one click at a time, as PowerPoint's "Appear" entrance
(`p:timing` with a main sequence, one click each, and a `p:bldP` for every shape that builds)."""
from __future__ import annotations

HEAD = ('<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
        '<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>')
TAIL = ('</p:childTnLst></p:cTn><p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        '</p:cond></p:prevCondLst><p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        '</p:cond></p:nextCondLst></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>')


def _ranges(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive paragraph indices as (first, last) ranges."""
    ranges: list[tuple[int, int]] = []
    for index in sorted(indices):
        if ranges and index == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], index)
        else:
            ranges.append((index, index))
    return ranges


def _media(played, ids) -> str:
    """A media node a video or audio shape each: PowerPoint shows its play controls then."""
    return "".join(f'<p:{kind}><p:cMediaNode vol="80000"><p:cTn id="{next(ids)}" fill="hold" display="0">'
                   f'<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst></p:cTn><p:tgtEl><p:spTgt spid="{shape_id}"/>'
                   f'</p:tgtEl></p:cMediaNode></p:{kind}>' for shape_id, kind in played)


def timing_xml(builds: list[tuple[int, tuple[int, ...]]], played: list[tuple[int, str]] = ()) -> str:
    """The slide's <p:timing> for `builds`: (shape id, the click each of its paragraphs appears
    on, 0 for shown from the start) in drawing order, and for `played`: (shape id, "video" or
    "audio") of its media; empty when there are neither."""
    clicks = sorted({click for _, paragraph_clicks in builds for click in paragraph_clicks if click > 0})
    if not clicks and not played:
        return ""
    ids = iter(range(3, 10 ** 6))
    if not clicks:
        return ('<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">'
                f'<p:childTnLst>{_media(played, ids)}</p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>')
    parts = [HEAD]
    for click in clicks:
        effects = []
        for shape_id, paragraph_clicks in builds:
            indices = [i for i, c in enumerate(paragraph_clicks) if c == click]
            for first, last in _ranges(indices):
                effect, behaviour = next(ids), next(ids)
                kind = "clickEffect" if not effects else "withEffect"
                effects.append(
                    f'<p:par><p:cTn id="{effect}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" '
                    f'grpId="0" nodeType="{kind}"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
                    f'<p:set><p:cBhvr><p:cTn id="{behaviour}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/>'
                    f'</p:stCondLst></p:cTn><p:tgtEl><p:spTgt spid="{shape_id}"><p:txEl><p:pRg st="{first}" '
                    f'end="{last}"/></p:txEl></p:spTgt></p:tgtEl><p:attrNameLst><p:attrName>style.visibility'
                    f'</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
                    f'</p:childTnLst></p:cTn></p:par>')
        outer, inner = next(ids), next(ids)
        parts.append(f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/>'
                     f'</p:stCondLst><p:childTnLst><p:par><p:cTn id="{inner}" fill="hold"><p:stCondLst>'
                     f'<p:cond delay="0"/></p:stCondLst><p:childTnLst>{"".join(effects)}</p:childTnLst></p:cTn>'
                     f'</p:par></p:childTnLst></p:cTn></p:par>')
    parts.append(TAIL.replace("</p:seq></p:childTnLst>", "</p:seq>" + _media(played, ids) + "</p:childTnLst>", 1))
    shapes = "".join(f'<p:bldP spid="{shape_id}" grpId="0" build="p"/>' for shape_id, paragraph_clicks in builds
                     if any(c > 0 for c in paragraph_clicks))
    parts.append(f"<p:bldLst>{shapes}</p:bldLst></p:timing>")
    return "".join(parts)
