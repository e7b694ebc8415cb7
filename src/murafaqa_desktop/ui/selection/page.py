"""The Selection page: the calls for applications, a new call's form, and a
call's page (its applications, ranking, ratings and decisions). Made when
first shown, like the window's other pages."""
from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from ...domain.calls import Call
from ..kit.tasks import Tasks
from .call_form import NewCallForm
from .call_page import CallPage
from .calls_list import CallsList


class SelectionPage(QWidget):
    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.calls = CallsList(tasks)
        self.form = NewCallForm(tasks)
        self.call_page = CallPage(tasks)
        self.stack = QStackedWidget()
        for widget in (self.calls, self.form, self.call_page):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.calls.new_requested.connect(self.new_call)
        self.calls.open_requested.connect(self.open_call)
        self.form.cancelled.connect(self.show_calls)
        self.form.created.connect(self._created)
        self.call_page.back_requested.connect(self.show_calls)

    def refresh(self) -> None:
        """Shown again: the list or the call on screen reads afresh (a sync may have brought changes)."""
        if self.stack.currentWidget() is self.call_page:
            self.call_page.refresh()
        elif self.stack.currentWidget() is self.calls:
            self.calls.refresh()

    def show_calls(self) -> None:
        self.stack.setCurrentWidget(self.calls)
        self.calls.refresh()

    def new_call(self) -> None:
        self.form.clear()
        self.stack.setCurrentWidget(self.form)

    def open_call(self, call_id: str) -> None:
        self.stack.setCurrentWidget(self.call_page)
        self.call_page.open(call_id)

    def _created(self, call: Call) -> None:
        self.open_call(call.id)
