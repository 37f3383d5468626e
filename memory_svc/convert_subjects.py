"""LGPD records to protobuf: erasure receipts, the outbox actions and the
integrations_svc records of an export (protobuf only: nothing here imports grpc)."""

from __future__ import annotations

from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from google.protobuf.message import DecodeError

from memory_svc.codec import timestamp
from memory_svc.convert import conversation_pb, interaction_pb, lead_pb
from memory_svc.erasure import STEP_DONE, STEP_FAILED, STEP_NOT_CONFIGURED, STEP_PENDING, Erasure, ErasureStep
from memory_svc.models import Erased, SubjectAction, SubjectExport

_OUTCOMES = {
    STEP_DONE: types_pb2.ERASURE_OUTCOME_DONE,
    STEP_PENDING: types_pb2.ERASURE_OUTCOME_PENDING,
    STEP_FAILED: types_pb2.ERASURE_OUTCOME_FAILED,
    STEP_NOT_CONFIGURED: types_pb2.ERASURE_OUTCOME_NOT_CONFIGURED,
}


def step_pb(step: ErasureStep) -> types_pb2.ErasureStep:
    out = types_pb2.ErasureStep(
        store=step.store,
        outcome=_OUTCOMES.get(step.outcome, types_pb2.ERASURE_OUTCOME_UNSPECIFIED),
        detail=step.detail,
        job_id=step.job_id,
    )
    if step.update_time is not None:
        out.update_time.CopyFrom(timestamp(step.update_time))
    if step.next_attempt_time is not None and step.outcome == STEP_PENDING:
        out.next_attempt_time.CopyFrom(timestamp(step.next_attempt_time))
    return out


def erasure_pb(erasure: Erasure) -> pb.Erasure:
    return pb.Erasure(
        erasure_id=erasure.erasure_id,
        user_id=erasure.user_id,
        state=_OUTCOMES[erasure.state],
        steps=[step_pb(step) for step in erasure.steps],
        create_time=timestamp(erasure.create_time),
        update_time=timestamp(erasure.update_time),
    )


def delete_response(erased: Erased) -> pb.DeleteSubjectResponse:
    response = pb.DeleteSubjectResponse(
        conversations_deleted=erased.conversations,
        messages_deleted=erased.messages,
        leads_deleted=erased.leads,
        interactions_deleted=erased.interactions,
    )
    if erased.erasure is not None:
        response.erasure_id = erased.erasure.erasure_id
        response.erasure.CopyFrom(erasure_pb(erased.erasure))
    return response


def subject_action_pb(action: SubjectAction) -> pb.SubjectAction:
    out = pb.SubjectAction(
        action_id=action.action_id,
        status=action.status,
        conversation_id=action.conversation_id,
        create_time=timestamp(action.create_time),
        update_time=timestamp(action.update_time),
    )
    try:
        out.action.CopyFrom(types_pb2.AgentAction.FromString(action.payload))
    except DecodeError:
        pass  # stored by this service from a valid message: cannot happen
    return out


def export_response(export: SubjectExport) -> pb.ExportSubjectResponse:
    return pb.ExportSubjectResponse(
        user_id=export.user_id,
        conversations=[conversation_pb(c) for c in export.conversations],
        leads=[lead_pb(lead) for lead in export.leads],
        interactions=[interaction_pb(i) for i in export.interactions],
        export_time=timestamp(export.export_time),
        actions=[subject_action_pb(a) for a in export.actions],
        integration_records=[types_pb2.SubjectRecord.FromString(r) for r in export.integration_records],
        erasures=[erasure_pb(e) for e in export.erasures],
    )
