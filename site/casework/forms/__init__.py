"""Forms of the case queues and of each workflow action. Forms validate; the actions
service (casework/services/actions.py) acts. Each action names its form where it is
declared (casework/actions/)."""
