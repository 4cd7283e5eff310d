"""The public application wizards: one question per page, answers kept in the session.

- `state.py`: what one browser has answered so far (WizardState).
- `steps.py`: a step and its hooks; steps with rules of their own (uploading evidence,
  screening out what is not a labor dispute) carry them, so the view stays generic.
- `definitions.py`: the three wizards, their steps, and how answers become an Application.
"""
