"""
Compiled core of healthnet; use the public package `healthnet` instead.
"""
from __future__ import annotations
import collections.abc
import healthnet._display
import numpy
import numpy.typing
import pandas
import typing
__all__: list[str] = ['Actor', 'Body', 'GeoPoint', 'Network', 'Region', 'ResponseRate', 'ScorecardData', 'Sector', 'SensitivityResult', 'SensitivityRow', 'Taxonomy', 'Tie', 'adjusted_rand_index', 'articulation_points', 'assortativity', 'average_clustering', 'betweenness', 'betweenness_centralization', 'block_density', 'bridges', 'brokerage', 'builtin_scorecard_ids', 'closeness', 'closeness_centralization', 'compare', 'component_labels', 'connected_components', 'constraint', 'core_number', 'degree', 'degree_centralization', 'density', 'dyad_census', 'effective_size', 'efficiency', 'ei_index', 'ei_index_actors', 'ei_index_groups', 'eigenvector_centrality', 'eigenvector_centralization', 'evaluate_metric', 'evaluate_scorecard', 'evaluate_scorecard_many', 'example_region', 'example_region_earlier', 'fragmentation', 'group_gaps', 'group_labels', 'groups_reached', 'harmonic_closeness', 'impute_missing', 'inverse_weights', 'isolates', 'largest_component_share', 'layers', 'load_scorecard', 'local_clustering', 'louvain', 'metric_catalog', 'modularity', 'multiplexity', 'n_components', 'nonresponse_sensitivity', 'normalized_mutual_information', 'numeric_tie_attributes', 'pagerank', 'parse_json', 'parse_scorecard', 'partition_modularity', 'profile', 'reach_efficiency', 'read_csv', 'read_graphml', 'read_json', 'read_sector_map', 'reciprocity', 'reconstruct_missing', 'relation_density', 'render_report', 'report_format', 'response_rate', 'scorecard_result_json', 'sector_counts', 'sector_coverage', 'structural_holes', 'symmetrize', 'synthetic_region', 'to_graphml', 'to_json', 'transitivity', 'triangles', 'two_step_reach', 'validate_csv', 'weighted_by', 'write_graphml', 'write_json', 'write_text_atomically']
class _ReadingGuard:
    """
    Holds a shared lock of a network in a with block.
    """
    def __enter__(self) -> None:
        ...
    def __exit__(self, *args) -> None:
        ...
class GeoPoint:
    """
    A position in WGS 84 degrees.
    """
    __hash__: typing.ClassVar[None] = None
    def __eq__(self, arg0: GeoPoint) -> bool:
        ...
    def __init__(self, lat: typing.SupportsFloat | typing.SupportsIndex, lon: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def lat(self) -> float:
        ...
    @lat.setter
    def lat(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
    @property
    def lon(self) -> float:
        ...
    @lon.setter
    def lon(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Actor:
    """
    An actor of the network: a practice, hospital, insurer, office or group.
    
    Parameters
    ----------
    id : str or int
        Unique, non-empty id; an int means its decimal text (``101`` is ``"101"``).
    name : str, optional
    sectors : list of str, optional
        Sector ids; the first is the primary sector.
    type : str, optional
        Actor type, e.g. ``"gp_practice"``.
    attributes : dict, optional
        Free attributes; values are str, int (int64), float or bool.
    location : GeoPoint, optional
    respondent : bool or None, optional
        Whether the actor answered the survey; None (default): unknown.
    """
    __hash__: typing.ClassVar[None] = None
    id: str
    location: GeoPoint | None
    name: str
    type: str
    def __eq__(self, arg0: Actor) -> bool:
        ...
    def __init__(self, id: str | int, name: str = '', sectors: collections.abc.Sequence[str] = [], type: str = '', attributes: typing.Any = None, location: GeoPoint | None = None, respondent: bool | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def attributes(self) -> dict:
        ...
    @attributes.setter
    def attributes(self, arg1: typing.Any) -> None:
        ...
    @property
    def respondent(self) -> bool | None:
        """
        Whether the actor answered the survey: True, False, or None (unknown).
        """
    @respondent.setter
    def respondent(self, arg0: bool | None) -> None:
        ...
    @property
    def sector(self) -> typing.Any:
        """
        The primary sector, or None.
        """
    @property
    def sectors(self) -> list[str]:
        ...
    @sectors.setter
    def sectors(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
class Tie:
    """
    A cooperation tie. Directed networks read it as source -> target.
    
    Parameters
    ----------
    source, target : str or int
        Actor ids (an int means its decimal text).
    relations : iterable of str, optional
        Relation types, e.g. ``{"referral", "information"}`` (multiplex).
    weight : float, default 1.0
        Frequency or intensity; finite and >= 0.
    attributes : dict, optional
    since : str, optional
        ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
    """
    __hash__: typing.ClassVar[None] = None
    since: str | None
    source: str
    target: str
    def __eq__(self, arg0: Tie) -> bool:
        ...
    def __init__(self, source: str | int, target: str | int, relations: collections.abc.Sequence[str] = [], weight: typing.SupportsFloat | typing.SupportsIndex = 1.0, attributes: typing.Any = None, since: str | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def attributes(self) -> dict:
        ...
    @attributes.setter
    def attributes(self, arg1: typing.Any) -> None:
        ...
    @property
    def relations(self) -> list[str]:
        """
        Relation types, sorted.
        """
    @relations.setter
    def relations(self, arg1: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def weight(self) -> float:
        ...
    @weight.setter
    def weight(self, arg0: typing.SupportsFloat | typing.SupportsIndex) -> None:
        ...
class Body:
    """
    A governance body and its members.
    
    Parameters
    ----------
    id : str
    kind : {"steering_group", "working_group", "coordination_office", "health_conference"}
    name : str, optional
    members : list of str or int, optional
        Actor ids.
    topic : str, optional
    year : int, optional
    """
    __hash__: typing.ClassVar[None] = None
    id: str
    kind: str
    name: str
    topic: str | None
    def __eq__(self, arg0: Body) -> bool:
        ...
    def __init__(self, id: str, kind: str, name: str = '', members: collections.abc.Sequence[str | int] = [], topic: str | None = None, year: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def members(self) -> list[str]:
        ...
    @members.setter
    def members(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
    @property
    def year(self) -> int | None:
        ...
    @year.setter
    def year(self, arg1: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Region:
    """
    Metadata of the region a network describes.
    """
    __hash__: typing.ClassVar[None] = None
    date: str
    id: str
    name: str
    state: str
    wave: str
    def __eq__(self, arg0: Region) -> bool:
        ...
    def __init__(self, id: str = '', name: str = '', state: str = '', population: typing.SupportsInt | typing.SupportsIndex | None = None, wave: str = '', date: str = '') -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def population(self) -> int | None:
        ...
    @population.setter
    def population(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Sector:
    """
    One sector of a taxonomy, with German and English labels.
    """
    def __init__(self, id: str, label_de: str = '', label_en: str = '', core: bool = False) -> None:
        ...
    def __repr__(self) -> str:
        ...
    @property
    def core(self) -> bool:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def label_de(self) -> str:
        ...
    @property
    def label_en(self) -> str:
        ...
class Taxonomy:
    """
    A sector vocabulary (ids with German and English labels).
    """
    __hash__: typing.ClassVar[None] = None
    @staticmethod
    def builtin() -> Taxonomy:
        """
        The built-in taxonomy of the sectors named in the programmes.
        """
    @staticmethod
    def load(path: str) -> Taxonomy:
        """
        Load a taxonomy from JSON ``{"sectors": [{"id", "de", "en", "core"}]}``.
        """
    def __contains__(self, arg0: str) -> bool:
        ...
    def __eq__(self, arg0: Taxonomy) -> bool:
        ...
    def __init__(self, sectors: collections.abc.Sequence[Sector]) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def core_sectors(self) -> list[str]:
        """
        Ids of the core sectors.
        """
    def label(self, id: str, lang: str = 'en') -> str:
        """
        Label of a sector in ``lang`` ('de' or 'en'); the id for unknown sectors.
        """
    @property
    def sectors(self) -> list[Sector]:
        ...
class Network:
    """
    A regional cooperation network: actors, ties, governance bodies, region.
    
    Parameters
    ----------
    directed : bool, default False
        Whether ties are directed (survey nominations) or symmetric.
    
    Notes
    -----
    A tie added between a pair that is already tied merges into the existing
    tie: relations are united, weights add up, new attributes overwrite, and
    ``since`` keeps the earlier date.
    """
    __hash__: typing.ClassVar[None] = None
    def __contains__(self, arg0: typing.Any) -> bool:
        ...
    def __copy__(self) -> Network:
        ...
    def __deepcopy__(self, memo: dict) -> Network:
        ...
    def __eq__(self, arg0: Network) -> bool:
        ...
    def __init__(self, directed: bool = False) -> None:
        ...
    def __len__(self) -> int:
        ...
    def __repr__(self) -> str:
        ...
    def _reading(self) -> _ReadingGuard:
        """
        A context manager holding a shared lock of the network (for the Python layer).
        """
    def _repr_html_(self) -> str:
        """
        The network in Jupyter: key facts, actors per sector and a drawing.
        """
    def actor(self, id: str | int) -> Actor:
        """
        The Actor with this id (a copy; str, or int for its decimal text). Raises KeyError.
        """
    def actors_frame(self) -> pandas.DataFrame:
        """
        The actors as a DataFrame, one row per actor in actor order.
        
            Returns
            -------
            pandas.DataFrame
                Indexed by actor ``id``, with ``name``, ``sector`` (the primary sector;
                NA when none), ``sectors`` (list of all sectors, primary first),
                ``type``, ``lat`` and ``lon`` (only when some actor has a location),
                ``respondent`` (only when some actor's status is known; dtype
                ``boolean``, NA where unknown) and one column per actor attribute (union over actors, sorted; NA where an
                actor lacks it). Text columns have dtype ``string``, number attributes
                ``Float64``, integer attributes ``int64`` (``Int64`` when some actor
                lacks the value), flags ``boolean``; a column whose values mix types
                (also integers and floats) is ``object``. The index is int64 when the
                network has integer ids (``Network.id_kind``).
        
            Raises
            ------
            ValueError
                When an attribute has the name of one of these columns.
        
            See Also
            --------
            healthnet.from_pandas : the inverse.
            
        """
    def add_actor(self, id: str | int, name: str = '', sectors: collections.abc.Sequence[str] = [], type: str = '', attributes: typing.Any = None, location: GeoPoint | None = None, respondent: bool | None = None) -> None:
        """
        Add an actor. Raises ValueError for an empty or duplicate id.
        """
    def add_body(self, id: str, kind: str, name: str = '', members: collections.abc.Sequence[str | int] = [], topic: str | None = None, year: typing.SupportsInt | typing.SupportsIndex | None = None) -> None:
        """
        Add a governance body.
        """
    def add_tie(self, source: str | int, target: str | int, relations: collections.abc.Sequence[str] = [], weight: typing.SupportsFloat | typing.SupportsIndex = 1.0, attributes: typing.Any = None, since: str | None = None) -> Tie:
        """
        Add a tie, or merge it into the existing tie of the pair; returns the stored Tie. Raises KeyError for an unknown actor, ValueError for a bad weight or a self-loop.
        """
    def body(self, id: str) -> Body:
        """
        The Body with this id (a copy).
        """
    def body_subnetwork(self, body_id: str) -> Network:
        """
        The members of one governance body and the ties among them.
        """
    def copy(self) -> Network:
        """
        A deep copy.
        """
    def filter_ties(self, keep: collections.abc.Callable) -> Network:
        """
        All actors, and only the ties for which ``keep(Tie)`` is true.
        """
    def has_actor(self, id: str | int) -> bool:
        """
        Whether an actor has this id (str, or int for its decimal text).
        """
    def has_tie(self, source: str | int, target: str | int) -> bool:
        ...
    def neighbors(self, id: str | int, mode: str = 'all') -> list:
        """
        Ids of the actors tied to ``id``; mode 'out', 'in' or 'all' for directed networks.
        """
    def relation_layer(self, relation: str) -> Network:
        """
        All actors, and only the ties that carry ``relation``. Raises KeyError when the network has ties but none carries it.
        """
    def remove_actor(self, id: str | int) -> None:
        """
        Remove an actor with its ties and body memberships. Raises KeyError if unknown.
        """
    def remove_body(self, id: str) -> None:
        """
        Remove a governance body.
        """
    def remove_tie(self, source: str | int, target: str | int) -> None:
        """
        Remove the tie of a pair.
        """
    def subnetwork(self, keep: typing.Any) -> Network:
        """
        The subnetwork of the actors selected by ``keep``: a callable(Actor) -> bool or an iterable of ids. Ties among them are kept, bodies keep only selected members.
        """
    def summary(self) -> healthnet._display.Summary:
        """
        Key facts of the network (see :func:`healthnet.summary`); prints as text, displays as a table in Jupyter.
        """
    def tie(self, source: str | int, target: str | int) -> Tie:
        """
        The Tie joining the pair (a copy).
        """
    def ties_frame(self) -> pandas.DataFrame:
        """
        The ties as a DataFrame, one row per tie in tie order.
        
            Returns
            -------
            pandas.DataFrame
                Columns ``source``, ``target`` (actor ids; in an undirected network the
                orientation in which the tie was first added), ``relations`` (sorted
                tuple of relation types), ``weight``, ``since`` (NA when unknown) and
                one column per tie attribute (union over ties, sorted; NA where a tie
                lacks it).
        
            Raises
            ------
            ValueError
                When an attribute has the name of one of these columns.
        
            See Also
            --------
            healthnet.from_pandas : the inverse.
            
        """
    def update_actor(self, actor: Actor) -> None:
        """
        Replace the data of the actor with the same id.
        """
    @property
    def _actor_revision(self) -> int:
        """
        Changes whenever actors are added or removed (see network::actor_revision).
        """
    @property
    def actor_ids(self) -> list:
        """
        Actor ids in index order (the index of every per-actor result): ints when ``id_kind`` is ``'integer'``, else str.
        """
    @property
    def actors(self) -> list[Actor]:
        """
        All actors, in order (copies).
        """
    @property
    def allow_self_loops(self) -> bool:
        """
        Whether ties from an actor to itself are accepted (default False).
        """
    @allow_self_loops.setter
    def allow_self_loops(self, arg1: bool) -> None:
        ...
    @property
    def bodies(self) -> list[Body]:
        """
        All governance bodies (copies).
        """
    @property
    def directed(self) -> bool:
        """
        Whether ties are directed.
        """
    @property
    def id_kind(self) -> str:
        """
        What the actor ids came in as: ``'integer'`` (all ids are integers, given back as int by ``actor_ids``, per-actor results and frames) or ``'text'``. Setting ``'integer'`` raises ValueError unless every id is canonical integer text; while it is set, a non-integer id cannot be added.
        """
    @id_kind.setter
    def id_kind(self, arg1: str) -> None:
        ...
    @property
    def n_actors(self) -> int:
        """
        Number of actors.
        """
    @property
    def n_bodies(self) -> int:
        """
        Number of governance bodies.
        """
    @property
    def n_ties(self) -> int:
        """
        Number of ties (an undirected tie counts once).
        """
    @property
    def reading_notes(self) -> list[str]:
        """
        What the reader assumed while loading this network.
        
            The texts of the :class:`healthnet.DataWarning` the reader issued
            (merged repeated pairs, dropped blank weights, sector labels kept
            outside the taxonomy), as a list of str; empty for a network built in
            any other way, and not kept by copies or JSON. :func:`healthnet.report`
            lists them in its data basis.
        """
    @property
    def region(self) -> Region:
        """
        Region metadata (a copy; assign to change).
        """
    @region.setter
    def region(self, arg1: Region) -> None:
        ...
    @property
    def taxonomy(self) -> Taxonomy:
        """
        The sector vocabulary.
        """
    @taxonomy.setter
    def taxonomy(self, arg1: Taxonomy) -> None:
        ...
    @property
    def ties(self) -> list[Tie]:
        """
        All ties, in order (copies).
        """
class _ScorecardResultData:
    """
    The C++ scorecard result behind healthnet.ScorecardResult.
    """
    def to_json(self, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
        """
        The result as strict JSON (NaN and infinities as null), the same text as the CLI writes.
        """
class ScorecardData:
    """
    A parsed scorecard (use healthnet.Scorecard).
    """
    def to_json(self) -> str:
        ...
    @property
    def id(self) -> str:
        ...
    @property
    def indicator_ids(self) -> list[str]:
        ...
    @property
    def name_de(self) -> str:
        ...
    @property
    def name_en(self) -> str:
        ...
    @property
    def programme(self) -> str:
        ...
    @property
    def rule_ids(self) -> list[str]:
        ...
    @property
    def source(self) -> str:
        ...
class ResponseRate:
    """
    Who answered the survey (see healthnet.response_rate).
    """
    def __repr__(self) -> str:
        ...
    @property
    def known(self) -> bool:
        """
        Whether some actor's status is known.
        """
    @property
    def nonrespondent_ids(self) -> list[str]:
        """
        Ids of the non-respondents, in actor order.
        """
    @property
    def nonrespondents(self) -> int:
        """
        Actors marked respondent = False.
        """
    @property
    def rate(self) -> float:
        """
        respondents / (respondents + nonrespondents); NaN when no actor's status is known.
        """
    @property
    def respondents(self) -> int:
        """
        Actors marked respondent = True.
        """
    @property
    def unknown(self) -> int:
        """
        Actors without a respondent flag.
        """
class SensitivityRow:
    """
    One metric's observed value and its spread over the runs.
    """
    @property
    def high(self) -> float:
        """
        95 % quantile of the run values.
        """
    @property
    def low(self) -> float:
        """
        5 % quantile of the run values (numpy's default method).
        """
    @property
    def mean(self) -> float:
        """
        Mean over the runs (NaN runs left out).
        """
    @property
    def metric(self) -> str:
        """
        Metric name.
        """
    @property
    def observed(self) -> float:
        """
        Value on the network as given.
        """
    @property
    def valid_runs(self) -> int:
        """
        Runs whose value is a number.
        """
    @property
    def values(self) -> numpy.typing.NDArray[numpy.float64]:
        """
        The value of every run, in run order.
        """
class SensitivityResult:
    """
    The result of nonresponse_sensitivity.
    """
    @property
    def all_assumed_respondents(self) -> bool:
        """
        True when no respondent status was known and every actor counted as a respondent.
        """
    @property
    def drop(self) -> float:
        ...
    @property
    def dropped(self) -> int:
        """
        Respondents dropped in every run.
        """
    @property
    def missing(self) -> str:
        """
        The missing-data policy of the metrics ('absent').
        """
    @property
    def respondents(self) -> int:
        """
        Actors whose reports may be dropped.
        """
    @property
    def rows(self) -> list[SensitivityRow]:
        """
        One row per metric, in the order asked.
        """
    @property
    def runs(self) -> int:
        ...
    @property
    def seed(self) -> int:
        ...
def _actor_columns(net: Network) -> dict:
    """
    Actor fields and attributes as columns (behind Network.actors_frame).
    """
def _analysis_memory_bytes(net: Network) -> int:
    """
    Bytes held by the cached analysis view (CSR arrays), building it if needed.
    """
def _collaboration_levels(net: Network, attr: str, levels: collections.abc.Sequence[str]) -> dict:
    """
    Collaboration levels as columns (see healthnet.collaboration_levels).
    """
def _from_arrays(source: numpy.ndarray[typing.Any, numpy.dtype[typing.Any]], target: numpy.ndarray[typing.Any, numpy.dtype[typing.Any]], directed: bool, weight: typing.Annotated[numpy.typing.ArrayLike, numpy.float64] | None, sector_codes: numpy.ndarray[typing.Any, numpy.dtype[typing.Any]] | None, sector_labels: collections.abc.Sequence[str], actor_ids: typing.Any, n_actors: typing.SupportsInt | typing.SupportsIndex | None) -> Network:
    """
    Bulk constructor behind healthnet.from_arrays.
    """
def _network_from_columns(directed: bool, allow_self_loops: bool, ids: collections.abc.Sequence[str], names: collections.abc.Sequence[str], types: collections.abc.Sequence[str], sectors: collections.abc.Sequence[collections.abc.Sequence[str]], location: typing.Any, actor_attributes: list, source: collections.abc.Sequence[str], target: collections.abc.Sequence[str], weight: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], relations: collections.abc.Sequence[collections.abc.Sequence[str]], since: collections.abc.Sequence[str | None], tie_attributes: list, rules: typing.Any = None, taxonomy: typing.Any = None, integer_ids: bool = False) -> tuple:
    """
    Builds a network from normalised columns (behind healthnet.from_pandas, from_networkx, from_igraph).
    """
def _network_layout(net: Network, seed: typing.SupportsInt | typing.SupportsIndex = 1, method: str = 'auto', force_directed_limit: typing.SupportsInt | typing.SupportsIndex = 2000) -> numpy.typing.NDArray[numpy.float64]:
    """
    Actor positions (n, 2) in the unit square, y downwards (healthnet::network_layout).
    """
def _network_svg(net: Network, positions: typing.Annotated[numpy.typing.ArrayLike, numpy.float64], lang: str = 'en', id: str = '') -> str:
    """
    The network drawing of the report as SVG text (healthnet::network_svg).
    """
def _relationship_quality(net: Network, trust: collections.abc.Sequence[str], value: collections.abc.Sequence[str], scale_min: typing.SupportsFloat | typing.SupportsIndex, scale_max: typing.SupportsFloat | typing.SupportsIndex) -> dict:
    """
    Relationship quality as columns (see healthnet.relationship_quality).
    """
def _sector_colours(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """
    (sector id, colour) in taxonomy order: the palette of healthnet::sector_colour.
    """
def _set_respondents(net: Network, flags: collections.abc.Sequence[bool | None]) -> None:
    """
    Sets every actor's respondent flag (None: unknown), in actor order.
    """
def _tie_arrays(net: Network) -> tuple[numpy.typing.NDArray[numpy.uint32], numpy.typing.NDArray[numpy.uint32], numpy.typing.NDArray[numpy.float64]]:
    """
    Tie end points (actor indices) and weights as three numpy arrays, in tie order.
    """
def _tie_columns(net: Network) -> dict:
    """
    Tie fields and attributes as columns (behind Network.ties_frame).
    """
def adjusted_rand_index(a: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], b: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> float:
    ...
def articulation_points(net: Network) -> list[str]:
    ...
def assortativity(net: Network, by: str) -> float:
    ...
def average_clustering(net: Network, count_zeros: bool = True) -> float:
    ...
def betweenness(net: Network, normalized: bool = False, weighted: bool = False, samples: typing.SupportsInt | typing.SupportsIndex | None = None, seed: typing.SupportsInt | typing.SupportsIndex | None = None, threads: typing.SupportsInt | typing.SupportsIndex = 1, pivots: typing.Annotated[numpy.typing.ArrayLike, numpy.int64] | None = None) -> numpy.typing.NDArray[numpy.float64]:
    ...
def betweenness_centralization(net: Network) -> float:
    ...
def block_density(net: Network, by: str, weighted: bool = False) -> tuple[list[str], numpy.typing.NDArray[numpy.float64]]:
    ...
def bridges(net: Network) -> list[tuple[str, str]]:
    ...
def brokerage(net: Network, by: str) -> dict:
    ...
def builtin_scorecard_ids() -> list[str]:
    ...
def closeness(net: Network, weighted: bool = False, wf_improved: bool = True, threads: typing.SupportsInt | typing.SupportsIndex = 1) -> numpy.typing.NDArray[numpy.float64]:
    ...
def closeness_centralization(net: Network, mode: str = 'in') -> float:
    ...
def compare(before: Network, after: Network) -> dict:
    ...
def component_labels(net: Network, strong: bool = False) -> numpy.typing.NDArray[numpy.int64]:
    ...
def connected_components(net: Network, strong: bool = False) -> list[list[str]]:
    ...
def constraint(net: Network, weighted: bool = False) -> numpy.typing.NDArray[numpy.float64]:
    ...
def core_number(net: Network) -> numpy.typing.NDArray[numpy.float64]:
    ...
def degree(net: Network, mode: str = 'all', weighted: bool = False) -> numpy.typing.NDArray[numpy.float64]:
    ...
def degree_centralization(net: Network, mode: str = 'all') -> float:
    ...
def density(net: Network, weighted: bool = False, missing: str = 'absent', seed: typing.SupportsInt | typing.SupportsIndex = 1) -> float:
    ...
def dyad_census(net: Network) -> tuple[int, int, int]:
    ...
def effective_size(net: Network, weighted: bool = False) -> numpy.typing.NDArray[numpy.float64]:
    ...
def efficiency(net: Network, weighted: bool = False) -> numpy.typing.NDArray[numpy.float64]:
    ...
def ei_index(net: Network, by: str, permutations: typing.SupportsInt | typing.SupportsIndex = 0, seed: typing.SupportsInt | typing.SupportsIndex = 1) -> dict:
    ...
def ei_index_actors(net: Network, by: str) -> numpy.typing.NDArray[numpy.float64]:
    ...
def ei_index_groups(net: Network, by: str) -> tuple[list[str], numpy.typing.NDArray[numpy.float64]]:
    ...
def eigenvector_centrality(net: Network, weighted: bool = False, max_iter: typing.SupportsInt | typing.SupportsIndex = 1000, tol: typing.SupportsFloat | typing.SupportsIndex = 1e-10) -> numpy.typing.NDArray[numpy.float64]:
    ...
def eigenvector_centralization(net: Network, max_iter: typing.SupportsInt | typing.SupportsIndex = 1000, tol: typing.SupportsFloat | typing.SupportsIndex = 1e-10) -> float:
    ...
def evaluate_metric(net: Network, name: str, by: str = 'sector') -> float:
    ...
def evaluate_scorecard(card: ScorecardData, net: Network, lang: str = 'en') -> dict:
    ...
def evaluate_scorecard_many(card: ScorecardData, nets: collections.abc.Sequence[Network], lang: str = 'en') -> list:
    ...
def example_region() -> Network:
    ...
def example_region_earlier() -> Network:
    ...
def fragmentation(net: Network, removed: collections.abc.Sequence[str | int] = []) -> float:
    ...
def group_gaps(net: Network, by: str, top: typing.SupportsInt | typing.SupportsIndex = 5) -> list:
    ...
def group_labels(net: Network, by: str) -> tuple[list[str], numpy.typing.NDArray[numpy.int64]]:
    ...
def groups_reached(net: Network, by: str) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def harmonic_closeness(net: Network, weighted: bool = False, normalized: bool = False) -> numpy.typing.NDArray[numpy.float64]:
    ...
def impute_missing(net: Network, seed: typing.SupportsInt | typing.SupportsIndex = 1) -> Network:
    ...
def inverse_weights(net: Network) -> Network:
    ...
def isolates(net: Network) -> list[str]:
    ...
def largest_component_share(net: Network, strong: bool = False) -> float:
    ...
def layers(net: Network) -> dict[str, int]:
    ...
def load_scorecard(id_or_path: str, taxonomy: Taxonomy | None = None) -> ScorecardData:
    ...
def local_clustering(net: Network) -> numpy.typing.NDArray[numpy.float64]:
    ...
def louvain(net: Network, weighted: bool = True, resolution: typing.SupportsFloat | typing.SupportsIndex = 1.0, seed: typing.SupportsInt | typing.SupportsIndex = 1) -> numpy.typing.NDArray[numpy.int64]:
    ...
def metric_catalog() -> list:
    ...
def modularity(net: Network, by: str, weighted: bool = True, resolution: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> float:
    ...
def multiplexity(net: Network) -> float:
    ...
def n_components(net: Network, strong: bool = False) -> int:
    ...
def nonresponse_sensitivity(net: Network, metrics: collections.abc.Sequence[str] = [], drop: typing.SupportsFloat | typing.SupportsIndex = 0.1, runs: typing.SupportsInt | typing.SupportsIndex = 200, seed: typing.SupportsInt | typing.SupportsIndex = 0, by: str = 'sector') -> SensitivityResult:
    ...
def normalized_mutual_information(a: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], b: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> float:
    ...
def numeric_tie_attributes(net: Network) -> list[str]:
    ...
def pagerank(net: Network, alpha: typing.SupportsFloat | typing.SupportsIndex = 0.85, weighted: bool = True, max_iter: typing.SupportsInt | typing.SupportsIndex = 1000, tol: typing.SupportsFloat | typing.SupportsIndex = 1e-12) -> numpy.typing.NDArray[numpy.float64]:
    ...
def parse_json(text: str, origin: str = '<json>', allow_self_loops: bool = False) -> Network:
    ...
def parse_scorecard(text: str, origin: str = '<scorecard>', taxonomy: Taxonomy | None = None) -> ScorecardData:
    ...
def partition_modularity(net: Network, labels: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex], weighted: bool = True, resolution: typing.SupportsFloat | typing.SupportsIndex = 1.0) -> float:
    ...
def profile(net: Network) -> tuple[list[str], numpy.typing.NDArray[numpy.float64]]:
    ...
def reach_efficiency(net: Network) -> numpy.typing.NDArray[numpy.float64]:
    ...
def read_csv(actors: str, ties: str, directed: bool, columns: dict, sep: str, decimal: str, encoding: str, rules: dict, allow_self_loops: bool) -> tuple[Network, list]:
    ...
def read_graphml(path: str, allow_self_loops: bool = False) -> Network:
    ...
def read_json(path: str, allow_self_loops: bool = False) -> Network:
    ...
def read_sector_map(path: str) -> dict[str, str]:
    ...
def reciprocity(net: Network, measure: str = 'edgewise', missing: str = 'absent', seed: typing.SupportsInt | typing.SupportsIndex = 1) -> float:
    ...
def reconstruct_missing(net: Network) -> Network:
    ...
def relation_density(net: Network) -> list[tuple[str, float]]:
    ...
def render_report(net: Network, format: str = 'html', lang: str = 'de', card: ScorecardData | None = None, earlier: Network = None, seed: typing.SupportsInt | typing.SupportsIndex = 1, reading_notes: collections.abc.Sequence[str] = []) -> str:
    ...
def report_format(path: str, format: str) -> str:
    """
    The report format for a path (healthnet::report_format_for).
    """
def response_rate(net: Network) -> ResponseRate:
    ...
def scorecard_result_json(card: ScorecardData, net: Network, lang: str = 'en') -> str:
    ...
def sector_counts(net: Network) -> list[tuple[str, int]]:
    ...
def sector_coverage(net: Network, required: collections.abc.Sequence[str] | None = None) -> dict:
    ...
def structural_holes(net: Network, weighted: bool = False) -> tuple[numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64], numpy.typing.NDArray[numpy.float64]]:
    ...
def symmetrize(net: Network, rule: str = 'weak', nonrespondents: str = 'trust', combine: str = 'max', combine_by: collections.abc.Mapping[str, str] = {}) -> Network:
    ...
def synthetic_region(n_actors: typing.SupportsInt | typing.SupportsIndex, n_ties: typing.SupportsInt | typing.SupportsIndex, sectors: collections.abc.Sequence[str], homophily: typing.SupportsFloat | typing.SupportsIndex, directed: bool, weighted: bool, with_bodies: bool, seed: typing.SupportsInt | typing.SupportsIndex, region_id: str) -> Network:
    ...
def to_graphml(net: Network) -> str:
    ...
def to_json(net: Network, indent: typing.SupportsInt | typing.SupportsIndex = 2) -> str:
    ...
def transitivity(net: Network) -> float:
    ...
def triangles(net: Network) -> numpy.typing.NDArray[numpy.float64]:
    ...
def two_step_reach(net: Network) -> numpy.typing.NDArray[numpy.float64]:
    ...
def validate_csv(actors: str, ties: str, directed: bool, columns: dict, sep: str, decimal: str, encoding: str, rules: dict, allow_self_loops: bool) -> tuple[list, int, list]:
    ...
def weighted_by(net: Network, attribute: str) -> Network:
    ...
def write_graphml(net: Network, path: str) -> None:
    ...
def write_json(net: Network, path: str) -> None:
    ...
def write_text_atomically(path: str, text: str) -> None:
    ...
_NO_SECTOR_COLOUR: str = '#9aa0a6'
__version__: str = '0.1.0'
