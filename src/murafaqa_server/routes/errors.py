"""The refusal every route gives: a status and a JSON ``{"code", "detail"}``."""
from __future__ import annotations

from fastapi import HTTPException
from fastapi.responses import JSONResponse


class ApiError(HTTPException):
    def __init__(self, status: int, code: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.code = code


def too_many(e: Exception) -> ApiError:
    """The answer to an attempt while its user, address or device is
    blocked after failures (``throttle.Throttled``)."""
    wait = int(getattr(e, "retry_after", 1))
    return ApiError(429, "too_many_attempts", str(e), headers={"Retry-After": str(wait)})


def error_response(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse({"code": code, "detail": detail}, status_code=status)
