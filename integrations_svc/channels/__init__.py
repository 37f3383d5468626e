"""Customer channels: WhatsApp (Cloud API) and e-mail (SendGrid Inbound Parse and
mail send) as real conversations. `python -m integrations_svc.channels` serves the
webhooks the gateway routes at /webhooks/whatsapp and /webhooks/email, turns inbound
messages into turns of router_svc, follows hand-offs (memory_svc's LiveService) so a
person's messages reach the customer, and delivers every outbound message through
integrations_svc's durable jobs (retries, rate limits, dead letters). See README.md."""
