"""What syncs: the one declaration of the synced tables and their fields.

The laptop's store derives its list of synced tables from it, the server
scopes, merges and cascades by it, and a test checks that the entities and
the local SQL schema agree with it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    """What the server needs to know of a synced table: its fields, which are
    required on creation, the row it belongs to (scope and cascade) and the
    keys that must stay unique among live rows."""

    name: str
    fields: tuple[str, ...]
    required: tuple[str, ...]
    parent: tuple[str, str] | None = None  # (field, table): cascade + scope
    cascades: tuple[tuple[str, str], ...] = ()  # other parents whose deletion removes the row
    nulls: tuple[tuple[str, str], ...] = ()  # references set to NULL when the target goes
    unique: tuple[str, ...] = ()
    region_field: str | None = None  # rows with no cooperative: scoped by this region
    # Fields only a coordinator or an administrator may write (a coach's push
    # writing one is refused whole: 403). All of them: a coach writes no row.
    deciders: tuple[str, ...] = ()
    # Rows every user sees, whatever their region (a call for applications).
    programme_wide: bool = False


TABLES: dict[str, TableSpec] = {t.name: t for t in (
    TableSpec("cooperatives", (
        "registration_number", "name_ar", "name_fr", "legal_date", "activity_start", "application_date",
        "region", "province", "commune", "sector", "members", "women", "youth", "legal_standing",
        "president", "phone", "email", "tranche", "phase", "status", "coach", "notes"),
        ("registration_number", "legal_date", "region"), unique=("registration_number",), region_field="region"),
    TableSpec("selection_ratings", ("cooperative_id", "criterion", "rating", "evidence"),
              ("cooperative_id", "criterion", "rating"), ("cooperative_id", "cooperatives"),
              unique=("cooperative_id", "criterion")),
    TableSpec("diagnoses", ("cooperative_id", "diagnosed_on", "diagnosed_by", "strengths", "weaknesses",
                            "summary", "completed"),
              ("cooperative_id",), ("cooperative_id", "cooperatives"), unique=("cooperative_id",)),
    TableSpec("diagnosis_sections", ("diagnosis_id", "section", "rating", "findings"),
              ("diagnosis_id", "section"), ("diagnosis_id", "diagnoses"), unique=("diagnosis_id", "section")),
    TableSpec("diagnosis_needs", ("diagnosis_id", "kind", "axis", "description", "priority"),
              ("diagnosis_id", "kind", "axis", "description"), ("diagnosis_id", "diagnoses")),
    TableSpec("plan_actions", ("cooperative_id", "position", "axis", "objective", "indicator", "owner",
                               "due_date", "status", "estimated_cost", "progress"),
              ("cooperative_id", "axis", "objective"), ("cooperative_id", "cooperatives")),
    TableSpec("coaching_sessions", ("cooperative_id", "number", "held_on", "duration_minutes", "place",
                                    "attendees", "topics", "recommendations", "next_steps", "next_date",
                                    "author"),
              ("cooperative_id", "number", "held_on"), ("cooperative_id", "cooperatives"),
              unique=("cooperative_id", "number")),
    TableSpec("session_reviews", ("session_id", "action_id", "progress", "comment"),
              ("session_id", "action_id"), ("session_id", "coaching_sessions"),
              cascades=(("action_id", "plan_actions"),), unique=("session_id", "action_id")),
    TableSpec("training_sessions", ("module_code", "held_on", "place", "region", "trainer"),
              ("module_code", "held_on", "region"), region_field="region"),
    TableSpec("training_attendance", ("training_session_id", "cooperative_id", "participant", "role",
                                      "gender", "age_band"),
              ("training_session_id", "participant", "gender"), ("training_session_id", "training_sessions"),
              nulls=(("cooperative_id", "cooperatives"),)),
    TableSpec("financing", ("cooperative_id", "applied_on", "project", "amount_requested", "amount_granted",
                            "partner", "status"),
              ("cooperative_id", "applied_on", "project", "status"), ("cooperative_id", "cooperatives")),
)}
_CALL_FIELDS = ("tranche", "phase", "title", "opens_on", "closes_on", "reference_date")
_DECISION_FIELDS = ("decision", "decision_reason", "decided_by", "decided_on", "withdrawn_on", "withdrawal_reason")
TABLES.update({t.name: t for t in (
    # A call is programme-wide (every laptop holds it); its places are rows
    # of their region, so a coordinator manages their region's places.
    TableSpec("calls", _CALL_FIELDS, ("tranche", "phase", "closes_on"), deciders=_CALL_FIELDS,
              programme_wide=True),
    TableSpec("call_places", ("call_id", "region", "places"), ("call_id", "region", "places"),
              ("call_id", "calls"), unique=("call_id", "region"), region_field="region",
              deciders=("call_id", "region", "places")),
    # An application is its cooperative's (scope of the cooperative); the
    # decision and the withdrawal are the committee's.
    TableSpec("applications", ("call_id", "cooperative_id", "received_on", "doc_statutes",
                               "doc_constituent_minutes", "doc_registration", "doc_members_list", "complete",
                               *_DECISION_FIELDS),
              ("call_id", "cooperative_id"), ("cooperative_id", "cooperatives"), cascades=(("call_id", "calls"),),
              unique=("call_id", "cooperative_id"), deciders=_DECISION_FIELDS),
    TableSpec("application_ratings", ("application_id", "criterion", "rating", "evidence", "document"),
              ("application_id", "criterion", "rating"), ("application_id", "applications"),
              unique=("application_id", "criterion")),
)})
TABLE_ORDER = tuple(TABLES)  # parents before children: the order rows are applied in
