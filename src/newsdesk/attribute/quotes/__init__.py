"""Direct and indirect quotes with their speakers, from one article's text.

Rule-based and store-free. Direct quotes are found from quotation marks at paragraph level (so a
quote may span sentences and paragraphs), indirect ones from a verb of communication or "according
to" in a sentence. Speakers are resolved within the article: a pronoun to the nearest previous
named person, a surname to its first full mention, which also supplies the role ("Jeffrey Lewis, a
nuclear expert at ...").

The modules, each importing only those above it:

- ``vocabulary``: the words of attribution several modules match (cue verbs, times, org nouns);
- ``marks``: abbreviation dots masked, and the spans between quotation marks;
- ``people``: the people the article names, their cleaned and fullest names, their gender;
- ``speakers``: a subject (pronoun, surname, role, description, name) resolved to its speaker;
- ``patterns``: the attribution patterns around a direct quotation and the subject they name;
- ``indirect``: reported clauses ("X said that ...", "according to X") in one sentence;
- ``extract``: :func:`extract_quotes`, which puts them together.
"""

from newsdesk.attribute.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
