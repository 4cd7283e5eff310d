"""Forms of the case queues and of each workflow action. Forms validate; the actions
service (casework/services/actions.py) acts."""

from casework.forms.actions import (
    AcceptForm,
    AssignForm,
    CloseForm,
    CompleteForm,
    DeclineForm,
    ExtendForm,
    RecordMinutesForm,
    RecordNoAgreementForm,
    ScheduleSessionForm,
    StartWorkForm,
    TransferForm,
    WithdrawForm,
)
from casework.forms.agreement import RecordAgreementForm

ACTION_FORMS = {
    "accept": AcceptForm,
    "decline": DeclineForm,
    "transfer": TransferForm,
    "assign": AssignForm,
    "schedule_session": ScheduleSessionForm,
    "record_minutes": RecordMinutesForm,
    "extend": ExtendForm,
    "record_agreement": RecordAgreementForm,
    "record_no_agreement": RecordNoAgreementForm,
    "start_work": StartWorkForm,
    "complete": CompleteForm,
    "withdraw": WithdrawForm,
    "close": CloseForm,
}
