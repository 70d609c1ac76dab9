"""Write src/newsdesk/brief/verbs.txt: every English verb lemma and irregular verb form WordNet
3.0 knows, as spaCy's English model ships them in its lemmatizer tables.

The brief reads the list to tell a sentence from a verbless caption or list item
(:func:`newsdesk.brief.verbs.is_verbless`) without loading a model. Run it again only to rebuild
the list from another model version:

    .venv/bin/python scripts/make_verb_list.py
"""

from __future__ import annotations

import re
from pathlib import Path

import spacy

from newsdesk.attribute.nlp import MODEL_NAME

_TARGET = Path(__file__).resolve().parents[1] / "src" / "newsdesk" / "brief" / "verbs.txt"
_SINGLE_WORD = re.compile(r"[a-z]+")

_HEADER = """\
# English verb lemmas and irregular verb forms ("went", "said", "paid"), one per line, from
# WordNet 3.0 through the lemmatizer tables of spaCy's {model} {version} (MIT).
# Rebuilt by scripts/make_verb_list.py.
#
# WordNet Release 3.0
#
# This software and database is being provided to you, the LICENSEE, by Princeton University
# under the following license. By obtaining, using and/or copying this software and database,
# you agree that you have read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that you
# agree to comply with the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS
# FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR
# DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER
# RIGHTS.
#
# The name of Princeton University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same.
"""


def main() -> None:
    nlp = spacy.load(MODEL_NAME)
    tables = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    lemmas = tables.get_table("lemma_index")["verb"]
    irregular = tables.get_table("lemma_exc")["verb"]
    verbs = sorted(w for w in {*lemmas, *irregular} if _SINGLE_WORD.fullmatch(w))
    model = f"{nlp.meta['lang']}_{nlp.meta['name']}"
    header = _HEADER.format(model=model, version=nlp.meta["version"])
    _TARGET.write_text(header + "\n".join(verbs) + "\n", encoding="utf-8")
    print(f"{len(verbs)} verb forms -> {_TARGET}")


if __name__ == "__main__":
    main()
