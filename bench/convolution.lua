-- wrk script: one 28×28 digit and the top-edge kernel, as the kernel lab sends it, with the CSRF token of a visit.
local token = os.getenv("CSRF_TOKEN")
wrk.method = "POST"
wrk.body = '{"input":{"dataset":"mnist","indices":[7]},"kernels":[[[-1,-1,-1],[0,0,0],[1,1,1]]]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-CSRF-TOKEN"] = token
wrk.headers["Cookie"] = "convlab_csrf=" .. token
