"""The HTTP routes: thin translations between request bodies, the service and response bodies."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends, Request

from qa.api.errors import ERROR_RESPONSES, ServiceUnavailable
from qa.api.schemas import (AskRequest, AskResponse, DocumentList, DocumentOut, SummarizeRequest, SummaryResponse,
                            ask_response, document_info, document_out, summary_response)
from qa.schema import Health
from qa.service import QAService

router = APIRouter(responses=ERROR_RESPONSES)


def get_service(request: Request) -> QAService:
    """The loaded service, or a 503 saying why there is none."""
    service = request.app.state.service
    if service is None:
        raise ServiceUnavailable(request.app.state.unavailable or "the service is not ready")
    return service


@router.post("/ask", response_model=AskResponse, summary="Answer a question with passages and their sources")
def ask(body: AskRequest, service: QAService = Depends(get_service)) -> AskResponse:
    result = service.ask(body.question, body.top_k, body.mode)
    return ask_response(result, service.index.documents)


@router.post("/summarize", response_model=SummaryResponse,
             summary="Extractive summary of a document, a text, or the corpus on a question")
def summarize(body: SummarizeRequest, service: QAService = Depends(get_service)) -> SummaryResponse:
    started = time.perf_counter()
    summary = service.summarize(body.doc_id, body.text, body.question, body.max_sentences, body.max_chars)
    return summary_response(summary, round((time.perf_counter() - started) * 1000, 2))


@router.get("/documents", response_model=DocumentList, summary="List the indexed documents")
def documents(service: QAService = Depends(get_service)) -> DocumentList:
    return DocumentList(documents=[document_info(d, service.passage_count(d.id)) for d in service.documents()])


@router.get("/documents/{doc_id}", response_model=DocumentOut,
            summary="One document with the full text that offsets refer to")
def document(doc_id: str, service: QAService = Depends(get_service)) -> DocumentOut:
    return document_out(service.document(doc_id), service.passage_count(doc_id))


@router.get("/health", response_model=Health, summary="Model, index manifest and counts")
def health(service: QAService = Depends(get_service)) -> Health:
    return service.health()
