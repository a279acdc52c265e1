"""Every error the API answers is JSON in one shape (`schemas.Error`): a machine-readable
code, an Arabic message, and for a bad parameter its name. Never HTML, never a bare 500
page: what Django itself answers under /api/ (an unknown path, a wrong method, a crash) is
turned into the same shape by `middleware.ApiMiddleware`."""

from http import HTTPStatus

from django.http import Http404, JsonResponse
from ninja.errors import HttpError, Throttled, ValidationError

MESSAGES = {
    400: "معامل غير صالح.",
    403: "غير مسموح.",
    404: "غير موجود.",
    405: "هذه الواجهة للقراءة فقط: استخدم GET.",
    429: "طلبات كثيرة من عنوانك: أعد المحاولة بعد المدة المذكورة في Retry-After.",
    500: "خطأ في الخادم: لم يُنفَّذ الطلب، وأُبلغ المسؤولون.",
}
CODES = {
    400: "invalid_parameter",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
    500: "server_error",
}
ISO_DATETIME = "تاريخ ووقت غير صالحين: استخدم ISO 8601، مثل 2026-11-03T08:00:00+03:00."
ISO_DATE = "تاريخ غير صالح: استخدم YYYY-MM-DD، مثل 2026-11-03."


class BadParameter(Exception):
    """A parameter that is well formed but names nothing (an unknown section) or that
    cannot be read (a damaged cursor)."""

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def error_body(status, fields=None):
    return {
        "error": CODES.get(status) or HTTPStatus(status).phrase.lower().replace(" ", "_"),
        "message": MESSAGES.get(status) or MESSAGES[500 if status >= 500 else 400],
        "fields": fields or {},
    }


def json_error(status, fields=None):
    return JsonResponse(
        error_body(status, fields), status=status, json_dumps_params={"ensure_ascii": False}
    )


def field_message(error):
    """One pydantic error, said in Arabic."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return "مطلوب."
    if kind.startswith("datetime"):
        return ISO_DATETIME
    if kind.startswith("date"):
        return ISO_DATE
    if kind == "greater_than_equal":
        return f"يجب ألا يقل عن {context.get('ge')}."
    if kind == "less_than_equal":
        return f"يجب ألا يزيد على {context.get('le')}."
    if kind.startswith("int"):
        return "يجب أن يكون عدداً صحيحاً."
    if kind == "string_pattern_mismatch":
        return "يقبل الحروف والأرقام والشرطة (-) فقط."
    if kind == "string_too_long":
        return f"أطول من {context.get('max_length')} حرفاً."
    return "قيمة غير صالحة."


def install(api):
    """The API's exception handlers."""

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        fields = {}
        for error in exc.errors:
            location = [part for part in error.get("loc", ()) if part not in ("query", "path")]
            name = str(location[0]) if location else "request"
            fields.setdefault(name, []).append(field_message(error))
        return api.create_response(request, error_body(400, fields), status=400)

    @api.exception_handler(BadParameter)
    def bad_parameter(request, exc):
        return api.create_response(request, error_body(400, {exc.field: [exc.message]}), status=400)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, error_body(404), status=404)

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        response = api.create_response(request, error_body(429), status=429)
        # Said to this client, now: no shared cache may hand it to another.
        response["Cache-Control"] = "private, no-store"
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, error_body(exc.status_code), status=exc.status_code)
