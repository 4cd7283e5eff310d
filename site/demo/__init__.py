"""The demo site (`load_demo`, run by `make run`): the page tree and, in order, each app's
own demo loaders. This app sits above every other: it imports them, none imports it."""
