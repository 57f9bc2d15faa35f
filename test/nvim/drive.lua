-- Drives the Article Annotator language server from a real third-party client: headless Neovim
-- (0.7+, its built-in LSP client). Run it as
--
--   AA_SERVER='["node","/path/dist/server.js","--stdio"]' AA_FILE=article.txt AA_OUT=out.json \
--   AA_HOVER_TEXT='Bùi Thanh Sơn' nvim --headless --clean -n -u NONE -c "luafile test/nvim/drive.lua"
--
-- The test (test/lsp/neovim.test.ts) runs `-c "lua dofile(os.getenv('AA_DRIVER'))" -c "cquit 4"` instead, so no
-- path needs quoting and a driver that does not even load still quits (status 4); `nvim -l drive.lua`
-- works too on Neovim 0.9+ (0.7 has no -l). Environment:
--   AA_SERVER      the server command: a JSON array of strings, or a whitespace-separated string
--   AA_FILE        the article to open (never written: the buffer is discarded with :qa!)
--   AA_OUT         where the JSON report goes
--   AA_HOVER_TEXT  hover one character into the first occurrence of this text (optional)
--   AA_ROOT        a workspace folder to announce (optional; none by default, so no indexing)
--   AA_INIT_OPTIONS  the client's init_options, a JSON object (optional: { "language": "vi" })
--   AA_ANNOTATE_TEXT  select the first occurrence of this text in Visual mode and run the code
--                  action 'Annotate "TEXT" as TYPE' (optional; the record goes beside AA_FILE)
--   AA_ANNOTATE_AS the entity type's label in that title, as the server says it (default "Person")
--   AA_TIMEOUT_MS  overall deadline in milliseconds (default 15000)
--
-- The report holds what the client saw: diagnostics (from vim.diagnostic.get), the hover markdown,
-- the code actions for the first diagnostic, the document symbols, and what applying the first
-- quick-fix through Neovim's own apply_workspace_edit did to the buffer and the diagnostics.
-- Any failure writes an "error" field and exits nonzero (2); a watchdog exits with 3 at the deadline.

local uv = vim.loop
local started = uv.hrtime()
local timeout_ms = tonumber(os.getenv("AA_TIMEOUT_MS") or "") or 15000
local out_path = os.getenv("AA_OUT")
local report = { nvim = tostring(vim.version().major) .. "." .. vim.version().minor .. "." .. vim.version().patch, steps = {}, messages = {} }

local function elapsed_ms()
  return math.floor((uv.hrtime() - started) / 1e6)
end

local function remaining_ms()
  return math.max(0, timeout_ms - elapsed_ms())
end

local function encode(value)
  if vim.json and vim.json.encode then return vim.json.encode(value) end
  return vim.fn.json_encode(value)
end

local function decode(text)
  if vim.json and vim.json.decode then return vim.json.decode(text) end
  return vim.fn.json_decode(text)
end

-- Plain Lua io only, so the watchdog may call it from a libuv callback.
local function write_report()
  report.elapsed_ms = elapsed_ms()
  local ok, text = pcall(encode, report)
  if not ok then text = string.format('{"error":%q}', "could not encode the report: " .. tostring(text)) end
  if not out_path or out_path == "" then
    io.stderr:write(text, "\n")
    return
  end
  local file = io.open(out_path, "w")
  if not file then
    io.stderr:write("drive.lua: cannot write ", out_path, "\n", text, "\n")
    return
  end
  file:write(text, "\n")
  file:close()
end

local function step(name)
  table.insert(report.steps, string.format("%6d ms %s", elapsed_ms(), name))
end

-- The watchdog: should anything hang (a request that never answers, a wait that never yields), write
-- what we have and leave. os.exit is safe in a fast callback; the server sees its stdin close.
local watchdog = uv.new_timer()
watchdog:start(timeout_ms + 1000, 0, function()
  report.error = report.error or string.format("watchdog: overall timeout of %d ms exceeded", timeout_ms)
  write_report()
  os.exit(3)
end)

local function fail(message)
  error({ drive_failure = message }, 0)
end

local function require_env(name)
  local value = os.getenv(name)
  if not value or value == "" then fail("environment variable " .. name .. " is not set") end
  return value
end

local function server_command()
  local raw = require_env("AA_SERVER")
  if raw:match("^%s*%[") then
    local ok, cmd = pcall(decode, raw)
    if not ok or type(cmd) ~= "table" or #cmd == 0 then fail("AA_SERVER is not a JSON array of strings: " .. raw) end
    return cmd
  end
  return vim.split(vim.trim(raw), "%s+")
end

-- Waits (polling) until predicate() is true or the overall deadline passes; never a fixed sleep.
local function wait_for(what, predicate, limit_ms)
  local budget = math.min(limit_ms or remaining_ms(), remaining_ms())
  local ok = vim.wait(budget, predicate, 10)
  if not ok then fail(string.format("timed out after %d ms waiting for %s", budget, what)) end
end

local function request(bufnr, method, params)
  local budget = math.min(5000, remaining_ms())
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, budget)
  if not responses then fail(string.format("%s: no response within %d ms (%s)", method, budget, tostring(err))) end
  for _, response in pairs(responses) do
    if response.err or response.error then
      local e = response.err or response.error
      fail(string.format("%s: the server answered with an error: %s", method, type(e) == "table" and (e.message or vim.inspect(e)) or tostring(e)))
    end
    return response.result
  end
  fail(method .. ": no client answered")
end

local function markdown_of(contents)
  if contents == nil or contents == vim.NIL then return nil end
  if type(contents) == "string" then return contents end
  if contents.value then return contents.value end -- MarkupContent or a MarkedString object
  local parts = {}
  for _, item in ipairs(contents) do
    table.insert(parts, type(item) == "string" and item or item.value)
  end
  return table.concat(parts, "\n")
end

local function symbols_of(list)
  local result = {}
  for _, symbol in ipairs(list or {}) do
    local entry = { name = symbol.name, kind = symbol.kind, detail = symbol.detail }
    if symbol.range then entry.line = symbol.range.start.line end
    if symbol.children and #symbol.children > 0 then entry.children = symbols_of(symbol.children) end
    table.insert(result, entry)
  end
  return result
end

local function sorted_diagnostics(bufnr)
  local list = vim.diagnostic.get(bufnr)
  table.sort(list, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  return list
end

local function summarize_diagnostics(list)
  local result = {}
  for _, d in ipairs(list) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result, {
      code = d.code or lsp.code,
      source = d.source or lsp.source,
      severity = d.severity,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      message = d.message,
    })
  end
  return result
end

local function summarize_actions(actions)
  local result = {}
  for _, action in ipairs(actions ~= nil and actions ~= vim.NIL and actions or {}) do
    local edit = action.edit
    local edits = 0
    if edit and edit.documentChanges then
      for _, change in ipairs(edit.documentChanges) do edits = edits + #(change.edits or {}) end
    elseif edit and edit.changes then
      for _, list in pairs(edit.changes) do edits = edits + #list end
    end
    table.insert(result, {
      title = action.title,
      kind = action.kind or vim.NIL,
      has_edit = edit ~= nil,
      edit_shape = edit and (edit.documentChanges and "documentChanges" or (edit.changes and "changes" or "other")) or vim.NIL,
      text_edits = edits,
      has_command = action.command ~= nil,
      is_preferred = action.isPreferred == true,
    })
  end
  return result
end

local function main()
  local file = require_env("AA_FILE")
  local cmd = server_command()
  report.file = file
  report.server = cmd
  if vim.fn.filereadable(file) ~= 1 then fail("AA_FILE is not readable: " .. file) end

  vim.opt.swapfile = false
  vim.opt.shortmess:append("F")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].readonly = false -- a read-only article is edited in memory only (never written)
  local uri = vim.uri_from_bufnr(bufnr)
  report.uri = uri
  step("opened " .. file)

  -- Count the server's publishes for this document, and keep what it sent, to wait on them.
  local published = { count = 0, versions = {} }
  local handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      if result and result.uri == uri then
        published.count = published.count + 1
        table.insert(published.versions, result.version or vim.NIL)
        published.last = result
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
    ["window/logMessage"] = function(_, result)
      if result then table.insert(report.messages, { type = result.type, message = result.message }) end
    end,
    ["window/showMessage"] = function(_, result)
      if result then table.insert(report.messages, { type = result.type, message = result.message, shown = true }) end
    end,
  }

  local exited
  local root = os.getenv("AA_ROOT")
  local config = {
    name = "article-annotator",
    cmd = cmd,
    handlers = handlers,
    flags = { debounce_text_changes = 20 },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  }
  if root and root ~= "" then config.root_dir = root end
  local init_options = os.getenv("AA_INIT_OPTIONS")
  if init_options and init_options ~= "" then
    local ok, options = pcall(decode, init_options)
    if not ok or type(options) ~= "table" then fail("AA_INIT_OPTIONS is not a JSON object: " .. init_options) end
    config.init_options = options
  end
  local client_id = vim.lsp.start_client(config)
  if not client_id then fail("vim.lsp.start_client failed for " .. table.concat(cmd, " ")) end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  wait_for("the server to initialize", function()
    return client.initialized == true or exited ~= nil
  end)
  if exited then fail(string.format("the server exited during initialize (code %s, signal %s)", tostring(exited.code), tostring(exited.signal))) end
  step("initialized")
  report.offset_encoding = client.offset_encoding

  wait_for("textDocument/publishDiagnostics for " .. uri, function() return published.count > 0 or exited ~= nil end)
  if exited then fail("the server exited before publishing diagnostics") end
  -- vim.diagnostic.get reflects the publish once the handler ran (it runs in the same callback).
  wait_for("vim.diagnostic.get to reflect the publish", function() return #vim.diagnostic.get(bufnr) == #published.last.diagnostics end, 2000)
  local diagnostics = sorted_diagnostics(bufnr)
  report.diagnostics = summarize_diagnostics(diagnostics)
  step(string.format("%d diagnostics", #diagnostics))

  -- Hover one character into the first occurrence of AA_HOVER_TEXT, the cursor placed the way a user
  -- would, the position computed by Neovim itself (byte column -> the client's offset encoding).
  local hover_text = os.getenv("AA_HOVER_TEXT")
  if hover_text and hover_text ~= "" then
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local row, byte_col
    for i, line in ipairs(lines) do
      local s = line:find(hover_text, 1, true)
      if s then
        row = i
        local chars = vim.str_utfindex(line, s - 1) -- UTF-32 index of the match
        byte_col = vim.str_byteindex(line, chars + 1) -- the byte where the next character starts
        break
      end
    end
    if not row then fail("AA_HOVER_TEXT not found in the buffer: " .. hover_text) end
    vim.api.nvim_win_set_cursor(0, { row, byte_col })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local hover = request(bufnr, "textDocument/hover", params)
    report.hover = {
      text = hover_text,
      position = params.position,
      markdown = hover and hover ~= vim.NIL and markdown_of(hover.contents) or vim.NIL,
    }
    step("hover")
  end

  -- Annotate a Visual selection as a person: v…l, Esc (setting the '< '> marks), then the code actions
  -- for the selection as vim.lsp.buf.range_code_action() asks, and the chosen Command executed the
  -- way vim.lsp.buf.code_action() executes one (workspace/executeCommand).
  local annotate_text = os.getenv("AA_ANNOTATE_TEXT")
  if annotate_text and annotate_text ~= "" then
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local row, start_byte
    for i, line in ipairs(lines) do
      start_byte = line:find(annotate_text, 1, true)
      if start_byte then row = i break end
    end
    if not row then fail("AA_ANNOTATE_TEXT not found in the buffer: " .. annotate_text) end
    vim.api.nvim_win_set_cursor(0, { row, start_byte - 1 })
    vim.cmd("normal! v" .. tostring(vim.fn.strchars(annotate_text) - 1) .. "l\27")
    local params = vim.lsp.util.make_given_range_params(nil, nil, bufnr, client.offset_encoding)
    params.context = { diagnostics = {} }
    local actions = request(bufnr, "textDocument/codeAction", params)
    local wanted = 'Annotate "' .. annotate_text .. '" as ' .. (os.getenv("AA_ANNOTATE_AS") or "Person")
    local chosen
    local titles = {}
    for _, action in ipairs(actions ~= vim.NIL and actions or {}) do
      table.insert(titles, action.title)
      if action.title == wanted then chosen = action end
    end
    if not chosen or not chosen.command then fail("no code action " .. wanted .. " among: " .. table.concat(titles, "; ")) end
    local reply = request(bufnr, "workspace/executeCommand", { command = chosen.command.command, arguments = chosen.command.arguments })
    report.annotated = { title = chosen.title, range = params.range, message = reply ~= vim.NIL and reply and reply.message or vim.NIL }
    step("annotated " .. annotate_text)
  end

  -- Code actions on the first diagnostic's range, with that diagnostic exactly as the server published it
  -- in the context.
  if #diagnostics > 0 then
    local first = diagnostics[1]
    local lsp_diagnostic
    for _, d in ipairs(published.last.diagnostics) do
      if d.range.start.line == first.lnum and d.message == first.message and d.code == first.code then lsp_diagnostic = d break end
    end
    if not lsp_diagnostic then fail("cannot find the published form of the first diagnostic") end
    local actions = request(bufnr, "textDocument/codeAction", {
      textDocument = { uri = uri },
      range = lsp_diagnostic.range,
      context = { diagnostics = { lsp_diagnostic } },
    })
    report.code_actions = { diagnostic = { code = first.code, lnum = first.lnum, has_data = lsp_diagnostic.data ~= nil }, actions = summarize_actions(actions) }
    local quickfix
    for _, action in ipairs(actions ~= vim.NIL and actions or {}) do
      if action.edit and type(action.kind) == "string" and action.kind:find("^quickfix") then quickfix = action break end
    end
    step(string.format("%d code actions", #report.code_actions.actions))

    -- The same, the way this Neovim's own vim.lsp.buf.code_action() asks: the cursor's range, and the
    -- line's diagnostics as vim.diagnostic keeps them (converted back to LSP, `data` kept or not).
    if vim.lsp.diagnostic.get_line_diagnostics and vim.lsp.util.make_range_params then
      vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
      local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
      params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum) }
      report.native_code_actions = summarize_actions(request(bufnr, "textDocument/codeAction", params))
      step("native code actions")
    end

    -- Apply the first quick-fix the way Neovim applies any code action edit, then wait for the server
    -- to publish again for the new version (incremental didChange, positions in the client's encoding).
    if quickfix then
      local before_lines = vim.api.nvim_buf_line_count(bufnr)
      local before_tick = vim.api.nvim_buf_get_changedtick(bufnr)
      local before_count = published.count
      vim.lsp.util.apply_workspace_edit(quickfix.edit, client.offset_encoding)
      local changed = vim.api.nvim_buf_get_changedtick(bufnr) ~= before_tick
      report.applied = {
        title = quickfix.title,
        changed = changed,
        lines_before = before_lines,
        lines_after = vim.api.nvim_buf_line_count(bufnr),
        diagnostics_before = #diagnostics,
      }
      if changed then
        wait_for("diagnostics after the quick-fix", function() return published.count > before_count or exited ~= nil end, 5000)
        if exited then fail("the server exited after the quick-fix edit") end
        report.applied.diagnostics_after = #published.last.diagnostics
        report.applied.published_version = published.last.version or vim.NIL
      end
      step("applied " .. quickfix.title)
    end
  end

  local symbols = request(bufnr, "textDocument/documentSymbol", { textDocument = { uri = uri } })
  report.symbols = symbols_of(symbols ~= vim.NIL and symbols or {})
  step("symbols")

  -- Leave politely: shutdown + exit, and wait (bounded) for the server process to end.
  client.stop()
  local stopped = vim.wait(math.min(2000, remaining_ms()), function() return exited ~= nil end, 10)
  report.server_exit = exited or { timeout = not stopped }
  step("stopped")
end

local ok, err = xpcall(main, function(e)
  if type(e) == "table" and e.drive_failure then return e.drive_failure end
  return debug.traceback(tostring(e), 2)
end)
if not ok then report.error = err end
watchdog:stop()
watchdog:close()
write_report()
if ok then
  vim.cmd("qa!")
else
  -- Stop any client without waiting on it, then quit with a nonzero status.
  pcall(vim.lsp.stop_client, vim.lsp.get_active_clients(), true)
  vim.cmd("cquit 2")
end
