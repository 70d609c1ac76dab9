"""Near-duplicate detection: wire copies and syndicated reprints of one article.

``NearDuplicateIndex`` files each original's MinHash ``Signature`` and finds the one a new text
reprints; ``minhash`` holds the signatures and the LSH banding behind it.
"""

from newsdesk.dedup.index import MIN_LENGTH_RATIO, NearDuplicateIndex, containment, shingles
from newsdesk.dedup.minhash import Signature

__all__ = ["MIN_LENGTH_RATIO", "NearDuplicateIndex", "Signature", "containment", "shingles"]
