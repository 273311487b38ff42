// Integration tests wait for real brokers: consumer-group joins on the mock take seconds.
jest.setTimeout(60_000);
