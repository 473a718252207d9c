"""An SMTP server for the tests (aiosmtpd): each message it accepts is
written as one JSON line (sender, recipients, decoded subject, Message-ID,
plain-text body); it refuses the first N messages with a 451 so that the
tests see a relay that fails and then recovers."""

import argparse
import json
import time
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out, refuse):
        self.out = out
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 Try again later"
        message = message_from_bytes(envelope.content, policy=policy.default)
        part = message.get_body(("plain",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(message["subject"]),
            "message_id": str(message["message-id"]),
            "body": part.get_content() if part is not None else "",
        }
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--refuse-first", type=int, default=0)
    args = parser.parse_args()
    controller = Controller(Sink(args.out, args.refuse_first), hostname="127.0.0.1", port=args.port)
    controller.start()
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
