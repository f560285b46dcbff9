# SPDX-License-Identifier: MIT
"""healthnet: cooperation networks of regional health programmes.

Models the actors of a health region (practices, hospitals, nursing services,
insurers, the municipality, the public health office, self-help groups, ...)
and their cooperation ties, and computes what evaluators and researchers
need. Built for the German "Gesundheitsregionen".

>>> import healthnet as hn
>>> net = hn.example()
>>> round(hn.density(net), 3) > 0
True
"""

from ._core import (
    Actor,
    Body,
    GeoPoint,
    Network,
    Region,
    Sector,
    Taxonomy,
    Tie,
    __version__,
)
from ._display import Summary, sector_colors, summary
from ._io import (
    example,
    from_json,
    read_csv,
    read_graphml,
    read_json,
    read_sector_map,
    synthetic_region,
    Validation,
    validate,
    to_graphml,
    to_json,
    write_graphml,
    write_json,
)
from ._warnings import DataWarning
from ._metrics import degree, density, isolates, metric, metrics, profile, sector_counts, strength
from . import _arrays, _centrality, _cohesion, _compare, _components, _scoring, _sectors
from ._arrays import *  # noqa: F401,F403
from ._centrality import *  # noqa: F401,F403
from ._cohesion import *  # noqa: F401,F403
from ._components import *  # noqa: F401,F403
from ._sectors import *  # noqa: F401,F403
from ._scoring import *  # noqa: F401,F403
from ._compare import *  # noqa: F401,F403
from . import _interop
from ._interop import *  # noqa: F401,F403
from . import _excel, _survey
from ._excel import *  # noqa: F401,F403
from ._survey import *  # noqa: F401,F403
from . import _response
from ._response import *  # noqa: F401,F403
from . import _quality
from ._quality import *  # noqa: F401,F403
from . import _sensitivity
from ._sensitivity import *  # noqa: F401,F403
from . import _layers
from ._layers import *  # noqa: F401,F403

__all__ = [
    "Actor",
    "DataWarning",
    "Validation",
    "validate",
    "read_sector_map",
    "Body",
    "GeoPoint",
    "Network",
    "Region",
    "Sector",
    "Summary",
    "Taxonomy",
    "Tie",
    "__version__",
    "degree",
    "density",
    "example",
    "from_json",
    "isolates",
    "metric",
    "metrics",
    "profile",
    "read_csv",
    "read_graphml",
    "read_json",
    "sector_counts",
    "strength",
    "summary",
    "synthetic_region",
    "to_graphml",
    "to_json",
    "write_graphml",
    "write_json",
]
__all__ += _arrays.__all__ + _centrality.__all__ + _cohesion.__all__ + _components.__all__ + _sectors.__all__ + _scoring.__all__ + _compare.__all__
__all__ += _interop.__all__ + ["sector_colors"]
__all__ += _excel.__all__ + _survey.__all__
__all__ += _response.__all__
__all__ += _quality.__all__
__all__ += _layers.__all__
__all__ += _sensitivity.__all__


def __getattr__(name: str):
    # healthnet.plot imports matplotlib (optional): load it on first use only.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
