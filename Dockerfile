FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Build jieba's dictionary cache at image build time, not on the first request.
RUN python -c "import jieba; jieba.initialize()"
RUN useradd --create-home factdesk && chown -R factdesk /app
USER factdesk
EXPOSE 8000
