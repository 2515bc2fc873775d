"""The HTTP routes: thin translations between request bodies, the service and response bodies."""

from __future__ import annotations

import time

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from qa.api.auth import check_write_token
from qa.api.errors import ERROR_RESPONSES, WRITE_RESPONSES, ServiceUnavailable
from qa.api.schemas import (AskRequest, AskResponse, DocumentIn, DocumentList, DocumentOut, DocumentsIn, JobResponse,
                            SummarizeRequest, SummaryResponse, ask_response, document_info, document_out,
                            job_response, summary_response)
from qa.errors import InvalidInput, UnsupportedType
from qa.ingest import parse_upload
from qa.jobs import Job
from qa.schema import Document, Health
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
    return ask_response(service.ask(body.question, body.top_k, body.mode))


@router.post("/summarize", response_model=SummaryResponse,
             summary="Extractive summary of a document, a text, or the corpus on a question")
def summarize(body: SummarizeRequest, service: QAService = Depends(get_service)) -> SummaryResponse:
    started = time.perf_counter()
    summary = service.summarize(body.doc_id, body.text, body.question, body.max_sentences, body.max_chars)
    return summary_response(summary, round((time.perf_counter() - started) * 1000, 2))


@router.get("/documents", response_model=DocumentList, summary="List the indexed documents")
def documents(service: QAService = Depends(get_service)) -> DocumentList:
    return DocumentList(documents=[document_info(entry) for entry in service.documents()])


@router.get("/documents/{doc_id}", response_model=DocumentOut,
            summary="One document with the full text that offsets refer to")
def document(doc_id: str, service: QAService = Depends(get_service)) -> DocumentOut:
    return document_out(service.document(doc_id))


@router.get("/health", response_model=Health, summary="Model, index manifest and counts")
def health(service: QAService = Depends(get_service)) -> Health:
    return service.health()


# ---------------------------------------------------------------- writes

UPLOAD_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {key: value for key, value in DocumentsIn.model_json_schema(
        ref_template="#/components/schemas/{model}").items() if key != "$defs"}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}}, "required": ["files"]}},
}}}


def writable_service(request: Request, service: QAService = Depends(get_service)) -> QAService:
    """The service, once the request carries the write token."""
    check_write_token(request, service.settings)
    return service


async def read_documents(request: Request) -> list[Document]:
    """The documents of a ``POST /documents`` body: JSON, or uploaded files read as ``qa build`` reads them.

    Raises:
        RequestValidationError: malformed JSON or wrong types (422).
        UnsupportedType: a file type, or a body type, that is not read (415).
        IngestError: a file that is not UTF-8 or has a bad line (400).
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        form = await request.form()
        uploads = [value for _, value in form.multi_items() if isinstance(value, UploadFile)]
        if not uploads:
            raise InvalidInput("the form holds no files: send them as 'files'")
        documents = []
        for upload in uploads:
            documents += parse_upload(await upload.read(), upload.filename or "upload.txt")
        return documents
    if content_type not in ("application/json", ""):
        raise UnsupportedType(f"send JSON or multipart/form-data, not {content_type}")
    try:
        body = DocumentsIn.model_validate_json(await request.body())
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from None
    return [document.to_document() for document in body.documents]


def finished(job: Job) -> Job:
    """The job once it is done, or its failure raised."""
    job.wait()
    if job.failure is not None:
        raise job.failure
    if job.state == "failed":
        raise RuntimeError(job.error)
    return job


@router.post("/documents", status_code=202, response_model=JobResponse, openapi_extra=UPLOAD_BODY,
             responses={201: {"model": JobResponse, "description": "With ?wait=true: the job, done and visible."},
                        **WRITE_RESPONSES}, summary="Add documents (JSON or uploaded files) as a write job")
async def add_documents(request: Request, wait: bool = False,
                        service: QAService = Depends(writable_service)) -> JSONResponse | JobResponse:
    job = service.add_documents(await read_documents(request))
    if not wait:
        return job_response(job)
    await run_in_threadpool(finished, job)
    return JSONResponse(job_response(job).model_dump(), status_code=201)


@router.put("/documents/{doc_id}", response_model=JobResponse, responses=WRITE_RESPONSES,
            summary="Replace a document; answers once the change is visible")
def replace_document(doc_id: str, body: DocumentIn, service: QAService = Depends(writable_service)) -> JobResponse:
    document = body.model_copy(update={"id": body.id or doc_id}).to_document()
    return job_response(finished(service.replace_document(doc_id, document)))


@router.delete("/documents/{doc_id}", response_model=JobResponse, responses=WRITE_RESPONSES,
               summary="Delete a document; answers once the change is visible")
def delete_document(doc_id: str, service: QAService = Depends(writable_service)) -> JobResponse:
    return job_response(finished(service.delete_document(doc_id)))


@router.get("/jobs/{job_id}", response_model=JobResponse, summary="A write job's state and progress")
def job(job_id: str, service: QAService = Depends(get_service)) -> JobResponse:
    return job_response(service.job(job_id))
